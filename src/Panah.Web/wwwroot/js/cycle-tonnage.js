// The cycle page's chart: tonnes of each commodity its entitlements add up to, what the approver weighs before approving.
// The numbers come from the server-rendered canvas (data-*), so the totals table says the same without script.
(() => {
    'use strict';
    const canvas = document.getElementById('tonnage-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    const rtl = document.documentElement.dir === 'rtl';
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: JSON.parse(canvas.dataset.labels),
            datasets: [{ label: canvas.dataset.series, data: JSON.parse(canvas.dataset.tonnes), backgroundColor: '#0d6efd' }],
        },
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            locale: document.documentElement.lang || 'en',
            plugins: { legend: { display: false, rtl } },
            scales: { x: { reverse: rtl }, y: { beginAtZero: true, title: { display: true, text: canvas.dataset.axis } } },
        },
    });
})();
