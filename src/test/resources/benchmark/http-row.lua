-- One row of the HTTP benchmark (org.credfolio.benchmark.HttpBenchmark), run by wrk: builds each
-- request, checks each answer, and prints one line "WRK-RESULT {json}" from done() for WrkRun.
--
-- Arguments after "--", as name=value:
--   mode=fixed    the same request every time: method, path and body (a file, optional)
--   mode=tokens   POST path with body before .. token .. after, one token a line from the files
--                 tokens.<thread id>; once=true uses each token once and stops the thread when its
--                 file is used up (never-seen tokens); otherwise the tokens cycle
--   mode=issue    POST path with the template file's {learner} and {date} filled in: request n
--                 (counted from base, across threads) goes to learner first + n % learners, earned
--                 days + n // learners days before today (epoch seconds of today, UTC)
--   threads=N     wrk's thread count, to split the work
--   status=200    the status every answer must have
--   expect=TEXT   text every answer must contain; with count=N, exactly N times
--   reject=TEXT   text no answer may contain

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- Per thread (each wrk thread runs its own copy of what follows).
bad = 0
sent = 0
exhausted = false
first_bad = nil

local opt = {}
local mode
local fixed
local tokens, next_token, before, after, once, last
local template, base, learners, first, today, days, thread_count
local expect, expect_count, reject, status

local function read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  for _, arg in ipairs(args) do
    local name, value = arg:match("^([^=]+)=(.*)$")
    opt[name] = value
  end
  mode = opt.mode
  thread_count = tonumber(opt.threads)
  status = tonumber(opt.status or "200")
  expect = opt.expect
  expect_count = opt.count and tonumber(opt.count)
  reject = opt.reject
  wrk.method = opt.method or "POST"
  wrk.path = opt.path
  if mode == "fixed" then
    fixed = wrk.format(nil, nil, nil, opt.body and read(opt.body) or nil)
  elseif mode == "tokens" then
    -- One file per thread, so that no thread reads the others' tokens: wrk starts the first
    -- thread while it still runs the later threads' init, and a long init would skew the counts.
    tokens = {}
    for line in io.lines(opt.tokens .. "." .. id) do
      if #line > 0 then
        tokens[#tokens + 1] = line
      end
    end
    assert(#tokens > 0, "no tokens for thread " .. id)
    before, after, once = opt.before or "", opt.after or "", opt.once == "true"
    next_token = 1
  elseif mode == "issue" then
    template = read(opt.template)
    base, learners, first = tonumber(opt.base), tonumber(opt.learners), tonumber(opt.first)
    today, days = tonumber(opt.today), tonumber(opt.days)
  else
    error("unknown mode " .. tostring(mode))
  end
end

function request()
  sent = sent + 1
  if mode == "fixed" then
    return fixed
  elseif mode == "tokens" then
    if next_token > #tokens then
      if once then
        -- Used up: stop rather than send a token again (a repeat would hit the signature cache).
        -- The request returned here is sent as the loop stops and its answer is never counted.
        exhausted = true
        wrk.thread:stop()
        return last
      end
      next_token = 1
    end
    last = wrk.format(nil, nil, nil, before .. tokens[next_token] .. after)
    next_token = next_token + 1
    return last
  else
    local n = base + id + (sent - 1) * thread_count
    local learner = string.format("demo-learner-%03d", first + n % learners)
    local earned = os.date("!%Y-%m-%d", today - (days + math.floor(n / learners)) * 86400)
    local body = template:gsub("{learner}", learner):gsub("{date}", earned)
    return wrk.format(nil, nil, nil, body)
  end
end

local function occurrences(text, part)
  local count, at = 0, 1
  while true do
    local found = text:find(part, at, true)
    if not found then
      return count
    end
    count, at = count + 1, found + #part
  end
end

function response(code, headers, body)
  local ok = code == status
  if ok and expect then
    if expect_count then
      ok = occurrences(body, expect) == expect_count
    else
      ok = body:find(expect, 1, true) ~= nil
    end
  end
  if ok and reject and body:find(reject, 1, true) then
    ok = false
  end
  if not ok then
    bad = bad + 1
    if first_bad == nil then
      first_bad = code .. " " .. body:sub(1, 300)
    end
  end
end

local function quoted(text)
  if text == nil then
    return "null"
  end
  return '"' .. text:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

function done(summary, latency, requests)
  local bad_total, ran_out, most_sent, first = 0, false, 0, nil
  for _, thread in ipairs(threads) do
    bad_total = bad_total + (thread:get("bad") or 0)
    ran_out = ran_out or thread:get("exhausted") == true
    most_sent = math.max(most_sent, thread:get("sent") or 0)
    first = first or thread:get("first_bad")
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK-RESULT {"requests":%d,"durationMicros":%d,"p50Micros":%d,"p99Micros":%d,"maxMicros":%d,'
      .. '"socketErrors":%d,"timeouts":%d,"badStatus":%d,"bad":%d,"exhausted":%s,"mostSentByAThread":%d,'
      .. '"firstBad":%s}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    errors.connect + errors.read + errors.write, errors.timeout, errors.status, bad_total,
    tostring(ran_out), most_sent, quoted(first)))
end
