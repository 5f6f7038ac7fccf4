package dev.greenlight.validator.internal;

/**
 * The Lua scripts that make a mode change one atomic round trip: judge the stored record, write the
 * new one, append it to the audit stream, publish it. Redis runs a script without interleaving
 * other commands, so two writers can never both pass a check.
 *
 * <p>Both scripts share {@code record_problem}, which applies exactly the rules of {@link
 * ModeRecordCodec} (the same fields, in the same order): to every record they are asked to write,
 * so nothing they write is unreadable in Java, and to the stored record, so "unreadable" means the
 * same thing to the script and to every reader. Versions are formatted as integers, never through
 * Lua's {@code %.14g}, which would write {@code 1e+14}.
 *
 * <p>The published message carries the record (see {@link ModeKeys}), so a resolver can apply it
 * without reading it back; only when {@code changedBy} spans lines, which would make the message
 * ambiguous, does it carry the version and surface alone.
 */
public final class ModeScripts {
  private static final String RULES =
      """
      local MAX_VERSION = 999999999999999
      local DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

      local function breaks(field, rule, value)
        local shown = 'missing'
        if value then shown = "'" .. value .. "'" end
        return "field '" .. field .. "' must be " .. rule .. ' but was ' .. shown
      end

      local function is_percent(v)
        return type(v) == 'string' and (v == '0' or v == '100' or string.find(v, '^[1-9][0-9]?$') ~= nil)
      end

      local function is_version(v)
        return type(v) == 'string' and #v <= 15 and string.find(v, '^[1-9][0-9]*$') ~= nil
      end

      local function is_instant(v)
        if type(v) ~= 'string' then return false end
        local y, mo, d, h, mi, s, rest = string.match(v,
          '^([0-9][0-9][0-9][0-9])%-([0-9][0-9])%-([0-9][0-9])T([0-9][0-9]):([0-9][0-9]):([0-9][0-9])(.*)$')
        if not y then return false end
        if rest ~= 'Z' and not (#rest <= 11 and string.find(rest, '^%.[0-9]+Z$')) then return false end
        y, mo, d = tonumber(y), tonumber(mo), tonumber(d)
        if mo < 1 or mo > 12 or d < 1 then return false end
        local days = DAYS[mo]
        if mo == 2 and y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) then days = 29 end
        return d <= days and tonumber(h) <= 23 and tonumber(mi) <= 59 and tonumber(s) <= 59
      end

      local function record_problem(mode, percent, version, changed_by, reason, changed_at)
        if mode ~= 'off' and mode ~= 'warn' and mode ~= 'enforce' then
          return breaks('mode', 'one of off, warn, enforce', mode)
        end
        if not is_percent(percent) then
          return breaks('percent', 'an integer 0-100 without sign or leading zero', percent)
        end
        if not is_version(version) then
          return breaks('version', 'an integer 1-' .. string.format('%d', MAX_VERSION)
            .. ' without sign or leading zero', version)
        end
        if not changed_by then return breaks('changedBy', 'present', nil) end
        if not reason then return breaks('reason', 'present', nil) end
        if not is_instant(changed_at) then
          return breaks('changedAt', 'a UTC time like 2026-01-19T10:00:00.123Z', changed_at)
        end
        return nil
      end

      -- The stored record: (nil, 0, nil) when there is none; (nil, version, fields) when it is
      -- readable; (problem, version or nil, nil) when it is not.
      local function stored_record(key)
        local kind = redis.call('TYPE', key)['ok']
        if kind == 'none' then return nil, 0, nil end
        if kind ~= 'hash' then return 'the key holds a ' .. kind .. ', not a hash', nil, nil end
        local f = redis.call('HMGET', key, 'mode', 'percent', 'version', 'changedBy', 'reason',
          'changedAt')
        local version = nil
        if is_version(f[3]) then version = tonumber(f[3]) end
        local problem = record_problem(f[1], f[2], f[3], f[4], f[5], f[6])
        if problem then return problem, version, nil end
        return nil, version, f
      end

      -- Writes the record as the given version (checked against MAX_VERSION), audits and
      -- publishes it; replaced names what was wrong with an unreadable record it overwrites.
      local function write(version, mode, percent, changed_by, reason, changed_at, channel,
          surface, replaced)
        if version > MAX_VERSION then
          return nil, 'version ' .. string.format('%d', version) .. ' would exceed the largest, '
            .. string.format('%d', MAX_VERSION)
        end
        local v = string.format('%d', version)
        redis.call('HSET', KEYS[1], 'mode', mode, 'percent', percent, 'version', v,
          'changedBy', changed_by, 'reason', reason, 'changedAt', changed_at)
        if replaced then
          redis.call('XADD', KEYS[2], '*', 'mode', mode, 'percent', percent, 'version', v,
            'changedBy', changed_by, 'reason', reason, 'changedAt', changed_at, 'replaced', replaced)
        else
          redis.call('XADD', KEYS[2], '*', 'mode', mode, 'percent', percent, 'version', v,
            'changedBy', changed_by, 'reason', reason, 'changedAt', changed_at)
        end
        local message = v .. ' ' .. surface
        if not string.find(changed_by, '\\n', 1, true) then
          message = message .. '\\n' .. mode .. '\\n' .. percent .. '\\n' .. changed_at .. '\\n'
            .. changed_by .. '\\n' .. reason
        end
        redis.call('PUBLISH', channel, message)
        return version, nil
      end
      """;

  /**
   * KEYS: record hash, audit stream. ARGV: expected version, mode, percent, changedBy, reason,
   * changedAt (ISO-8601 UTC), channel, surface. Returns {1, new version} on success, {0, current
   * version} when the expected one is stale, and {-1, problem} when the stored record is
   * unreadable. A new record Java could not read, or an expected version that is no version, is
   * refused with an error naming the field and value; nothing is written then. Other tools
   * (redis-cli, another language) may call the script too.
   */
  public static final String COMPARE_AND_SET =
      RULES
          + """
          if ARGV[1] ~= '0' and not is_version(ARGV[1]) then
            return redis.error_reply('expected version must be 0 or an integer 1-'
              .. string.format('%d', MAX_VERSION) .. ' but was ' .. ARGV[1])
          end
          local invalid = record_problem(ARGV[2], ARGV[3], '1', ARGV[4], ARGV[5], ARGV[6])
          if invalid then return redis.error_reply(invalid) end
          local problem, current = stored_record(KEYS[1])
          if problem then return {-1, problem} end
          if current ~= tonumber(ARGV[1]) then return {0, current} end
          local written, err = write(current + 1, ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6],
            ARGV[7], ARGV[8], nil)
          if err then return redis.error_reply(err) end
          return {1, written}
          """;

  /**
   * The downgrade an alert asks for. KEYS: record hash, audit stream. ARGV: changedBy, reason,
   * changedAt, channel, surface. Judges the stored record and, in the same step:
   *
   * <ul>
   *   <li>none stored: writes nothing, returns {@code {'absent'}} (readers serve their default,
   *       which is never enforce);
   *   <li>readable and {@code enforce}: writes warn at 0 % as version + 1, returns {@code
   *       {'downgraded', version}};
   *   <li>readable and {@code off} or {@code warn}: writes nothing (over off, warn would be an
   *       upgrade), returns {@code {'kept', mode, percent, version, changedBy, reason, changedAt}};
   *   <li>unreadable: deletes the key and writes warn at 0 % as one more than the largest version
   *       found in the record or the newest ten audit entries, audited with a {@code replaced}
   *       field naming the problem, returns {@code {'replaced', version, problem}}.
   * </ul>
   */
  public static final String DOWNGRADE_TO_WARN =
      RULES
          + """
          local invalid = record_problem('warn', '0', '1', ARGV[1], ARGV[2], ARGV[3])
          if invalid then return redis.error_reply(invalid) end
          local problem, current, fields = stored_record(KEYS[1])
          if not problem then
            if current == 0 then return {'absent'} end
            if fields[1] ~= 'enforce' then
              return {'kept', fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]}
            end
            local written, err = write(current + 1, 'warn', '0', ARGV[1], ARGV[2], ARGV[3],
              ARGV[4], ARGV[5], nil)
            if err then return redis.error_reply(err) end
            return {'downgraded', written}
          end
          local floor = current or 0
          for _, entry in ipairs(redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 10)) do
            local body = entry[2]
            for i = 1, #body - 1, 2 do
              if body[i] == 'version' and is_version(body[i + 1]) then
                floor = math.max(floor, tonumber(body[i + 1]))
              end
            end
          end
          if floor >= MAX_VERSION then
            return redis.error_reply('version ' .. string.format('%d', floor)
              .. ' is the largest a record may hold')
          end
          redis.call('DEL', KEYS[1])
          local written = write(floor + 1, 'warn', '0', ARGV[1], ARGV[2], ARGV[3], ARGV[4],
            ARGV[5], problem)
          return {'replaced', written, problem}
          """;

  private ModeScripts() {}
}
