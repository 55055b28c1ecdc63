-- wrk script for bin/bench-appeals: each request takes in a phone appeal from an
-- unregistered caller, with an Idempotency-Key of its own, so that none is a replay.
-- Arguments: <bearer token> <run nonce>.

local categories = { "PENSION", "PROPERTY_REPAIR", "UTILITIES", "SANITATION", "NOISE", "DOGS", "HOUSING",
	"TRANSPORT", "CANTEEN", "POLICY_ENQUIRY", "OTHER", "DUMPING" }
local surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" }
local given = { "建国", "秀英", "志明", "桂兰", "海燕", "卫东", "丽华", "振华" }

local threads = {}
local token, nonce

function setup(thread)
	thread:set("tid", #threads + 1)
	table.insert(threads, thread)
end

function init(args)
	token = args[1]
	nonce = args[2]
	counter = 0
end

function request()
	counter = counter + 1
	local n = tid * 10000000 + counter
	local body = string.format(
		'{"caller":{"name":"%s%s","phone":"139%08d"},"categoryCode":"%s","channel":"PHONE",' ..
		'"title":"来电反映%d","description":"居民来电反映的问题，编号%d，请尽快处理。"}',
		surnames[n % #surnames + 1], given[n % #given + 1], n % 100000000, categories[n % #categories + 1], n, n)
	return wrk.format("POST", "/api/v1/appeals", {
		["Authorization"] = "Bearer " .. token,
		["Content-Type"] = "application/json",
		["Idempotency-Key"] = nonce .. "-" .. tid .. "-" .. counter,
	}, body)
end

dofile("bin/wrk/report.lua")
