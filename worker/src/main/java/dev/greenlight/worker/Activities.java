package dev.greenlight.worker;

import dev.greenlight.dataplane.DatabaseAddress;
import dev.greenlight.dataplane.backup.Backups;
import dev.greenlight.dataplane.migration.StageMigration;
import dev.greenlight.metrics.MetricSource;
import dev.greenlight.preflight.RedisProbe;
import dev.greenlight.rollout.DataActivitiesImpl;
import dev.greenlight.rollout.GateActivitiesImpl;
import dev.greenlight.rollout.ModeActivitiesImpl;
import dev.greenlight.rollout.NotifyActivitiesImpl;
import dev.greenlight.rollout.PreflightActivitiesImpl;
import dev.greenlight.rollout.RolloutWorkflowImpl;
import dev.greenlight.rollout.activity.DataActivities;
import dev.greenlight.rollout.activity.GateActivities;
import dev.greenlight.rollout.activity.ModeActivities;
import dev.greenlight.rollout.activity.NotifyActivities;
import dev.greenlight.rollout.activity.PreflightActivities;
import dev.greenlight.validator.StageNormalizer;
import io.temporal.worker.Worker;

/**
 * The activity implementations a rollout calls, wired from shared clients. The worker, the
 * rehearsal and tests build them here, each with the metric source it needs, so all of them run the
 * same activities.
 *
 * @param notifications delivers the plan's notifications; a worker without it fails each delivery
 *     (counted in status, never holding the rollout), so every registration includes it
 */
public record Activities(
    ModeActivities mode,
    GateActivities gates,
    PreflightActivities preflight,
    DataActivities data,
    NotifyActivities notifications) {

  /** These four and the worker's notifier, with secrets from this process's environment. */
  public Activities(
      ModeActivities mode,
      GateActivities gates,
      PreflightActivities preflight,
      DataActivities data) {
    this(mode, gates, preflight, data, NotifyActivitiesImpl.create(null));
  }

  /**
   * The production wiring: mode flips through the clients' mode store, gates read from {@code
   * metrics}, pre-flight probes of the clients' Redis, and the data plane with backups taken and
   * written as {@code backups} says.
   */
  public static Activities create(
      ActivityClients clients, MetricSource metrics, BackupSetup backups) {
    return create(clients, metrics, backups, DataActivitiesImpl.BatchObserver.NONE);
  }

  /**
   * As {@link #create(ActivityClients, MetricSource, BackupSetup)}, with every migration batch
   * observed.
   */
  public static Activities create(
      ActivityClients clients,
      MetricSource metrics,
      BackupSetup backupSetup,
      DataActivitiesImpl.BatchObserver batches) {
    StageNormalizer normalizer = StageNormalizer.defaults();
    Backups backups =
        new Backups(
            clients.jdbi(),
            DatabaseAddress.fromJdbcUrl(clients.jdbcUrl()),
            backupSetup.tools(),
            backupSetup.format());
    return new Activities(
        new ModeActivitiesImpl(clients.modeStore(), clients.jdbi()),
        new GateActivitiesImpl(metrics),
        new PreflightActivitiesImpl(
            new RedisProbe(clients.redisUri(), clients.redisPrefix()), clients.jdbi()),
        new DataActivitiesImpl(
            backups,
            new StageMigration(clients.jdbi(), normalizer),
            backupSetup.directory(),
            batches));
  }

  /** Registers the rollout workflow and these activities on {@code worker}. */
  public void registerOn(Worker worker) {
    worker.registerWorkflowImplementationTypes(RolloutWorkflowImpl.class);
    worker.registerActivitiesImplementations(mode, gates, preflight, data, notifications);
  }
}
