-- wrk script for bin/bench-appeals, the baseline: the cheapest authenticated call, GET
-- /api/v1/auth/me, which reads only the caller that the bearer token resolves to.
-- Arguments: <bearer token>.

function init(args)
	wrk.headers["Authorization"] = "Bearer " .. args[1]
end

dofile("bin/wrk/report.lua")
