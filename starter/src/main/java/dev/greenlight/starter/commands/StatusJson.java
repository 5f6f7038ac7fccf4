package dev.greenlight.starter.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.greenlight.rollout.RolloutStatus;

/**
 * The status as JSON: the {@code status} query's answer as it is, plus {@code approvals}, what each
 * pending approval is about ({@link ApprovalView}: {@code step}, {@code why}, {@code details}).
 */
final class StatusJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StatusJson() {}

  static ObjectNode of(RolloutStatus status) {
    ObjectNode node = JSON.valueToTree(status);
    node.set("approvals", JSON.valueToTree(ApprovalView.of(status)));
    return node;
  }
}
