// The reconciliation chart: entitled, collected and moved packs per point and commodity, from the canvas's data attributes.
(() => {
    const canvas = document.getElementById('reconciliation-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    const read = name => JSON.parse(canvas.dataset[name]);
    const series = read('series');
    const rtl = document.documentElement.dir === 'rtl';
    // Patterns differ by series as well as colours, so the bars are told apart without colour.
    const style = [
        { backgroundColor: 'rgba(13,110,253,0.35)', borderColor: 'rgb(13,110,253)', borderWidth: 2, borderDash: [] },
        { backgroundColor: 'rgba(25,135,84,0.7)', borderColor: 'rgb(25,135,84)', borderWidth: 0 },
        { backgroundColor: 'rgba(255,193,7,0.2)', borderColor: 'rgb(153,102,0)', borderWidth: 3 },
    ];
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: read('labels'),
            datasets: [read('entitled'), read('collected'), read('moved')].map((data, i) => ({ label: series[i], data, ...style[i] })),
        },
        options: {
            indexAxis: 'y',
            locale: document.documentElement.lang || 'en',
            plugins: { legend: { rtl, position: 'bottom' }, tooltip: { rtl } },
            scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { position: rtl ? 'right' : 'left' } },
        },
    });
})();
