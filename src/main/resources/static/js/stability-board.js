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
