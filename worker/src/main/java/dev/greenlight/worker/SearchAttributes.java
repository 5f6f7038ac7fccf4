package dev.greenlight.worker;

import dev.greenlight.rollout.RolloutConstants;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the rollout's search attributes (phase, mode, canary percent) on a namespace. They must
 * exist before a rollout starts: a workflow that upserts an unregistered attribute fails its task
 * and hangs.
 */
public final class SearchAttributes {
  /** The attributes a rollout upserts, with their index types. */
  public static final Map<String, IndexedValueType> REQUIRED = required();

  private SearchAttributes() {}

  /**
   * Adds whichever of {@link #REQUIRED} the namespace lacks; one that another worker added in the
   * meantime is fine.
   *
   * @return the names this call added
   */
  public static List<String> ensureRegistered(WorkflowServiceStubs service, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      List<String> added = new ArrayList<>();
      for (Map.Entry<String, IndexedValueType> a : missing(operator, namespace).entrySet()) {
        try {
          operator
              .blockingStub()
              .addSearchAttributes(
                  AddSearchAttributesRequest.newBuilder()
                      .setNamespace(namespace)
                      .putSearchAttributes(a.getKey(), a.getValue())
                      .build());
          added.add(a.getKey());
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
            throw e;
          }
        }
      }
      return List.copyOf(added);
    } finally {
      // The channel is the service's; shutting these stubs down leaves it open.
      operator.shutdown();
    }
  }

  /**
   * The required attributes the namespace lacks. Temporal's Java test server cannot list them
   * (UNIMPLEMENTED), so there every one is tried and ALREADY_EXISTS tells.
   */
  private static Map<String, IndexedValueType> missing(
      OperatorServiceStubs operator, String namespace) {
    Map<String, IndexedValueType> missing = new LinkedHashMap<>(REQUIRED);
    try {
      missing
          .keySet()
          .removeAll(
              operator
                  .blockingStub()
                  .listSearchAttributes(
                      ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
                  .getCustomAttributesMap()
                  .keySet());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.UNIMPLEMENTED) {
        throw e;
      }
    }
    return missing;
  }

  private static Map<String, IndexedValueType> required() {
    Map<String, IndexedValueType> m = new LinkedHashMap<>();
    m.put(RolloutConstants.PHASE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    m.put(RolloutConstants.MODE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    m.put(RolloutConstants.PERCENT.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT);
    return Map.copyOf(m);
  }
}
