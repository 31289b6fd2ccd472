local id = 0
setup = function(thread) thread:set("id", id); id = id + 1 end
init = function(args)
  local t0 = os.clock()
  if id == 1 then while os.clock() - t0 < 2 do end end
  io.stderr:write("init done ", id, " ", os.time(), "\n")
end
done = function(summary, latency, requests) io.write("duration ", summary.duration, " requests ", summary.requests, "\n") end
