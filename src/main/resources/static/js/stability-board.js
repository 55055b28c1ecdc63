// The stability board's group trend chart: the dissatisfied or agitated notes of each
// group per month, read from the table on the page, which stays the one source.
document.addEventListener('DOMContentLoaded', function () {
	var box = document.getElementById('board-groups-chart');
	if (!box || typeof echarts === 'undefined') {
		return;
	}
	var months = Array.prototype.map.call(document.querySelectorAll('#board-groups-table thead th + th'),
		function (cell) { return cell.textContent; });
	var series = Array.prototype.map.call(document.querySelectorAll('#board-groups-table tbody tr'), function (row) {
		return {
			name: row.dataset.name,
			type: 'line',
			data: Array.prototype.map.call(row.querySelectorAll('td'), function (cell) { return Number(cell.dataset.tense); })
		};
	});
	var chart = echarts.init(box);
	chart.setOption({
		animation: false,
		tooltip: { trigger: 'axis' },
		legend: { type: 'scroll' },
		xAxis: { type: 'category', data: months },
		yAxis: { type: 'value', minInterval: 1 },
		series: series
	});
	window.addEventListener('resize', function () { chart.resize(); });
});

// Open warnings by level as bars, read from the table beside them.
document.addEventListener('DOMContentLoaded', function () {
	var box = document.getElementById('board-warnings-chart');
	if (!box || typeof echarts === 'undefined') {
		return;
	}
	var cells = document.querySelectorAll('#board-warnings-table tbody td');
	var colours = { BLUE: '#3b82f6', YELLOW: '#eab308', ORANGE: '#f97316', RED: '#dc2626' };
	var chart = echarts.init(box);
	chart.setOption({
		animation: false,
		tooltip: {},
		xAxis: { type: 'category', data: Array.prototype.map.call(document.querySelectorAll('#board-warnings-table thead th'),
			function (cell) { return cell.textContent; }) },
		yAxis: { type: 'value', minInterval: 1 },
		series: [{ type: 'bar', data: Array.prototype.map.call(cells, function (cell) {
			return { value: Number(cell.dataset.count), itemStyle: { color: colours[cell.dataset.level] } };
		}) }]
	});
	chart.on('click', function (params) {
		var link = cells[params.dataIndex].querySelector('a');
		if (link) { window.location.href = link.href; }
	});
	window.addEventListener('resize', function () { chart.resize(); });
});

// The risk heat map: areas by grids, each cell a grid's score coloured by the model's
// grid thresholds; a click opens that grid's warnings. The table stays the one source.
document.addEventListener('DOMContentLoaded', function () {
	var box = document.getElementById('board-heat-chart');
	if (!box || typeof echarts === 'undefined') {
		return;
	}
	var rows = Array.prototype.slice.call(document.querySelectorAll('#board-heat-table tbody tr'));
	var areas = rows.map(function (row) { return row.dataset.area; });
	var width = 0;
	var data = [];
	rows.forEach(function (row, y) {
		Array.prototype.forEach.call(row.querySelectorAll('td'), function (cell, x) {
			width = Math.max(width, x + 1);
			data.push({ value: [x, y, Number(cell.dataset.score)], name: cell.dataset.grid, href: cell.dataset.href });
		});
	});
	var t = box.dataset;
	var chart = echarts.init(box);
	chart.setOption({
		animation: false,
		tooltip: { formatter: function (p) { return p.data.name + ': ' + p.data.value[2]; } },
		grid: { left: 110, right: 20, top: 10, bottom: 70 },
		xAxis: { type: 'category', data: Array.from({ length: width }, function (v, i) { return i + 1; }), splitArea: { show: true } },
		yAxis: { type: 'category', data: areas, splitArea: { show: true } },
		visualMap: { type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, dimension: 2, pieces: [
			{ lt: Number(t.blue), color: '#f2f4f7' },
			{ gte: Number(t.blue), lt: Number(t.yellow), color: '#93c5fd' },
			{ gte: Number(t.yellow), lt: Number(t.orange), color: '#facc15' },
			{ gte: Number(t.orange), lt: Number(t.red), color: '#fb923c' },
			{ gte: Number(t.red), color: '#ef4444' }] },
		series: [{ type: 'heatmap', data: data, label: { show: true, formatter: function (p) { return p.data.value[2]; } } }]
	});
	chart.on('click', function (params) {
		if (params.data && params.data.href) { window.location.href = params.data.href; }
	});
	window.addEventListener('resize', function () { chart.resize(); });
});
