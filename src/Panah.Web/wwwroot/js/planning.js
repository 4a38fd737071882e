// Draws the planning charts from the numbers the page already holds (data-* attributes of each canvas): every fan
// chart (the 95 %, 80 % and 50 % intervals of the population to serve, or of the need chosen in a list, as nested
// shaded bands, the median as a line)
// and the tornado of the budget (one floating bar per assumption, from its low end to its high end, largest first).
document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') {
        return;
    }
    var rtl = document.documentElement.dir === 'rtl';
    var read = function (canvas, key) { return JSON.parse(canvas.dataset[key]); };

    // A fan chart of one need: the median as a line, the 50 %, 80 % and 95 % intervals as nested shaded bands.
    var fan = function (canvas, series) {
        var names = read(canvas, 'names');
        var band = function (data, label, alpha) {
            return { label: label, data: data, backgroundColor: 'rgba(13, 110, 253, ' + alpha + ')', borderWidth: 0, type: 'bar', barPercentage: 1, categoryPercentage: 1, grouped: false };
        };
        return new Chart(canvas, {
            data: {
                labels: read(canvas, 'labels'),
                datasets: [
                    { type: 'line', label: names[0], data: series.median, borderColor: '#0b3d91', backgroundColor: '#0b3d91', pointRadius: 2 },
                    band(series.band50, names[1], 0.45), band(series.band80, names[2], 0.25), band(series.band95, names[3], 0.12)
                ]
            },
            options: {
                animation: false,
                maintainAspectRatio: false,
                plugins: { legend: { rtl: rtl } },
                scales: { x: { reverse: rtl, stacked: false }, y: { beginAtZero: false } }
            }
        });
    };

    document.querySelectorAll('canvas.fan-chart').forEach(function (canvas) {
        fan(canvas, { median: read(canvas, 'median'), band50: read(canvas, 'band50'), band80: read(canvas, 'band80'), band95: read(canvas, 'band95') });
    });

    // The chart of the need chosen in its list, drawn again when another is chosen.
    document.querySelectorAll('select.need-shown').forEach(function (select) {
        var canvas = document.getElementById(select.dataset.chart);
        var series = read(canvas, 'series');
        var chart = fan(canvas, series[select.value]);
        select.addEventListener('change', function () {
            chart.destroy();
            chart = fan(canvas, series[select.value]);
            canvas.dataset.shown = select.value;
        });
        canvas.dataset.shown = select.value;
    });

    // A long label in lines of about 18 characters, so that a phone's narrow axis shows it whole.
    var wrap = function (label) {
        var lines = [];
        label.split(' ').forEach(function (word) {
            var last = lines.length - 1;
            if (last >= 0 && (lines[last] + ' ' + word).length <= 18) {
                lines[last] += ' ' + word;
            } else {
                lines.push(word);
            }
        });
        return lines;
    };

    var tornado = document.getElementById('tornado-chart');
    if (tornado) {
        var low = read(tornado, 'low');
        var high = read(tornado, 'high');
        var likely = read(tornado, 'likely');
        var names = read(tornado, 'names');
        // Each bar runs from the likely budget to the budget at that end, so the bars meet at the likely value.
        var side = function (values) { return values.map(function (v) { return [likely, v]; }); };
        new Chart(tornado, {
            type: 'bar',
            data: {
                labels: read(tornado, 'labels').map(wrap),
                datasets: [
                    { label: names[0], data: side(low), backgroundColor: 'rgba(25, 135, 84, 0.7)', grouped: false },
                    { label: names[1], data: side(high), backgroundColor: 'rgba(220, 53, 69, 0.7)', grouped: false }
                ]
            },
            options: {
                animation: false,
                maintainAspectRatio: false,
                indexAxis: 'y',
                plugins: { legend: { rtl: rtl } },
                scales: { x: { reverse: rtl, beginAtZero: false }, y: { position: rtl ? 'right' : 'left' } }
            }
        });
    }
});
