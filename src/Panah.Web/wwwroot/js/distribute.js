// The distribution point page: scan a card's QR code with the camera (the browser's BarcodeDetector where there is
// one, else jsQR served by Panah) and look it up at once; the confirmation button is disabled once tapped.
(() => {
    const scan = document.getElementById('scan');
    const video = document.getElementById('scanner');
    const input = document.getElementById('card');
    const form = document.getElementById('lookup-form');
    let stream = null;
    let detector = null;
    let canvas = null;

    async function read() {
        if (detector) {
            const codes = await detector.detect(video);
            return codes.length > 0 ? codes[0].rawValue : null;
        }
        canvas ??= document.createElement('canvas');
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const context = canvas.getContext('2d', { willReadFrequently: true });
        context.drawImage(video, 0, 0);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = window.jsQR ? window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' }) : null;
        return code ? code.data : null;
    }

    function stop() {
        stream?.getTracks().forEach(t => t.stop());
        stream = null;
        video.hidden = true;
    }

    async function tick() {
        if (!stream) {
            return;
        }
        if (video.readyState >= 2) {
            const value = await read();
            if (value) {
                stop();
                input.value = value;
                form.requestSubmit();
                return;
            }
        }
        requestAnimationFrame(tick);
    }

    if (scan && video && navigator.mediaDevices?.getUserMedia) {
        scan.addEventListener('click', async () => {
            if (stream) {
                stop();
                return;
            }
            if ('BarcodeDetector' in window && (await window.BarcodeDetector.getSupportedFormats()).includes('qr_code')) {
                detector = new window.BarcodeDetector({ formats: ['qr_code'] });
            }
            stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
            video.srcObject = stream;
            video.hidden = false;
            await video.play();
            requestAnimationFrame(tick);
        });
    } else if (scan) {
        scan.hidden = true;
    }

    // The form's idempotency key already makes a second post harmless; this spares the clerk the second answer.
    document.getElementById('redeem-form')?.addEventListener('submit', () => document.getElementById('confirm')?.setAttribute('disabled', ''));
})();
