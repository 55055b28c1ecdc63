// The statistics chart: received and resolved per bucket, read from the table on the
// page, so that the table stays the one source and the page works without script.
document.addEventListener('DOMContentLoaded', function () {
	var box = document.getElementById('stats-chart');
	if (!box || typeof echarts === 'undefined') {
		return;
	}
	var rows = Array.prototype.slice.call(document.querySelectorAll('#stats-table tbody tr'));
	var names = rows.map(function (row) { return row.dataset.name; });
	var chart = echarts.init(box);
	chart.setOption({
		animation: false,
		tooltip: { trigger: 'axis' },
		legend: { data: [box.dataset.received, box.dataset.resolved] },
		xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
		yAxis: { type: 'value', minInterval: 1 },
		series: [
			{ name: box.dataset.received, type: 'bar', data: rows.map(function (row) { return Number(row.dataset.received); }) },
			{ name: box.dataset.resolved, type: 'bar', data: rows.map(function (row) { return Number(row.dataset.resolved); }) }
		]
	});
	window.addEventListener('resize', function () { chart.resize(); });
});
