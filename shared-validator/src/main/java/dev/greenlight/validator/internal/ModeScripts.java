package dev.greenlight.validator.internal;

/**
 * The Lua script that makes a mode change one atomic round trip: check the version, write the new
 * record, append to the audit stream, publish. Redis runs a script without interleaving other
 * commands, so two writers can never both pass the check.
 */
public final class ModeScripts {
  /**
   * KEYS: record hash, audit stream. ARGV: expected version, mode, percent, changedBy, reason,
   * changedAt (ISO-8601), channel, surface. Returns {1, new version} on success and {0, current
   * version} when the expected one is stale. Mode and percent are checked again here because other
   * tools (redis-cli, another language) may call the script too; nothing is written then.
   *
   * <p>The published message carries the record (see {@link ModeKeys}), so a resolver can apply it
   * without reading it back; only when {@code changedBy} spans lines, which would make the message
   * ambiguous, does it carry the version and surface alone.
   */
  public static final String COMPARE_AND_SET =
      """
      local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
      if current ~= tonumber(ARGV[1]) then
        return {0, current}
      end
      if ARGV[2] ~= 'off' and ARGV[2] ~= 'warn' and ARGV[2] ~= 'enforce' then
        return redis.error_reply('mode must be one of [off, warn, enforce] but was ' .. ARGV[2])
      end
      local percent = tonumber(ARGV[3])
      if percent == nil or percent < 0 or percent > 100 or percent % 1 ~= 0 then
        return redis.error_reply('percent must be between 0 and 100 but was ' .. ARGV[3])
      end
      local next = current + 1
      redis.call('HSET', KEYS[1], 'mode', ARGV[2], 'percent', ARGV[3], 'version', next,
        'changedBy', ARGV[4], 'reason', ARGV[5], 'changedAt', ARGV[6])
      redis.call('XADD', KEYS[2], '*', 'mode', ARGV[2], 'percent', ARGV[3], 'version', next,
        'changedBy', ARGV[4], 'reason', ARGV[5], 'changedAt', ARGV[6])
      local message = next .. ' ' .. ARGV[8]
      if not string.find(ARGV[4], '\\n', 1, true) then
        message = message .. '\\n' .. ARGV[2] .. '\\n' .. ARGV[3] .. '\\n' .. ARGV[6] .. '\\n'
          .. ARGV[4] .. '\\n' .. ARGV[5]
      end
      redis.call('PUBLISH', ARGV[7], message)
      return {1, next}
      """;

  private ModeScripts() {}
}
