// The dashboard's charts, each drawn from the table beside it, so that the table stays
// the one source and the page works without script. A click on a bar, a point or a slice
// opens the list behind it, as the table's link does.
document.addEventListener('DOMContentLoaded', function () {
	if (typeof echarts === 'undefined') {
		return;
	}
	document.querySelectorAll('.dashboard-chart').forEach(function (box) {
		var table = document.getElementById(box.dataset.table);
		var columns = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent; }).slice(1);
		var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
		var labels = rows.map(function (row) { return row.dataset.label; });
		var value = function (row, i) { return Number(row.querySelectorAll('td')[i + 1].dataset.value || 0); };
		var kind = box.dataset.chart;
		var rate = rows.some(function (row) { return value(row, 0) > 0 && value(row, 0) < 1; });
		var option;
		if (kind === 'PIE') {
			option = {
				tooltip: { trigger: 'item' },
				series: [{ type: 'pie', radius: ['35%', '65%'], data: rows.map(function (row) { return { name: row.dataset.label, value: value(row, 0) }; }) }]
			};
		} else {
			var series = (kind === 'LINE' ? columns : columns.slice(0, 1)).map(function (name, i) {
				return { name: name, type: kind === 'LINE' ? 'line' : 'bar', data: rows.map(function (row) { return value(row, i); }) };
			});
			option = {
				tooltip: { trigger: 'axis' },
				legend: { data: series.map(function (s) { return s.name; }) },
				xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 6 ? 30 : 0 } },
				yAxis: rate ? { type: 'value', max: 1, axisLabel: { formatter: function (v) { return Math.round(v * 100) + '%'; } } }
					: { type: 'value', minInterval: 1 },
				series: series
			};
		}
		option.animation = false;
		var chart = echarts.init(box);
		chart.setOption(option);
		chart.on('click', function (params) {
			var link = rows[params.dataIndex] && rows[params.dataIndex].dataset.link;
			if (link) {
				window.location.href = link;
			}
		});
		window.addEventListener('resize', function () { chart.resize(); });
	});
});
