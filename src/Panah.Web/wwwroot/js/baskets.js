// The basket builder's chart: each Sphere minimum as 100 %, the ration as the share of it reached.
// The numbers come from the server-rendered canvas (data-*), so the table above says the same without script.
(() => {
    'use strict';
    const canvas = document.getElementById('sphere-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    const labels = JSON.parse(canvas.dataset.labels);
    const basket = JSON.parse(canvas.dataset.basket);
    const rtl = document.documentElement.dir === 'rtl';
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels,
            datasets: [
                { label: canvas.dataset.basketName, data: basket, backgroundColor: basket.map(v => v >= 100 ? '#198754' : '#dc3545') },
                { label: canvas.dataset.minimumName, data: labels.map(() => 100), backgroundColor: '#6c757d' },
            ],
        },
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            locale: document.documentElement.lang || 'en',
            plugins: { legend: { rtl } },
            scales: { y: { beginAtZero: true, title: { display: true, text: canvas.dataset.axis } } },
        },
    });
})();
