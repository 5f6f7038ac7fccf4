package dev.greenlight.starter.rehearse;

/**
 * What {@link FaultyModeActivities} and {@link FaultyDataActivities} share: the real activities of
 * one interface, called through unless a step's injected fault holds ({@link InjectedFaults}).
 *
 * @param <A> the activity interface the subclass implements
 */
abstract class FaultyActivities<A> {
  final A delegate;
  final InjectedFaults faults;

  FaultyActivities(A delegate, InjectedFaults faults) {
    this.delegate = delegate;
    this.faults = faults;
  }
}
