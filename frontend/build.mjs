// Puts the front-end libraries Panah serves into src/Panah.Web/wwwroot/lib, from npm at the versions package-lock.json
// locks (run `npm ci && npm run build` here after an upgrade, or after a view starts using a Bootstrap class it did not
// use before: PurgeCSS keeps only the classes found in the views, the C# code and the scripts). The whole upstream CSS
// goes to ./upstream, where a test checks that no Bootstrap class a view names was cut.
import { PurgeCSS } from 'purgecss';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const web = join(here, '..', 'src', 'Panah.Web');
const lib = join(web, 'wwwroot', 'lib');
const modules = join(here, 'node_modules');

// A minified file without its source-map comment: the maps are not served.
const copy = (from, to) => {
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, readFileSync(from, 'utf8').replace(/\n?\/[*/]# sourceMappingURL=\S+( \*\/)?\s*$/, '').trimEnd() + '\n');
};
copy(join(modules, 'bootstrap/dist/js/bootstrap.min.js'), join(lib, 'bootstrap/bootstrap.min.js'));
copyFileSync(join(modules, 'bootstrap/LICENSE'), join(lib, 'bootstrap/LICENSE'));
copy(join(modules, 'chart.js/dist/chart.umd.min.js'), join(lib, 'chartjs/chart.umd.min.js'));
copyFileSync(join(modules, 'chart.js/LICENSE.md'), join(lib, 'chartjs/LICENSE.md'));
copy(join(modules, 'jsqr/dist/jsQR.js'), join(lib, 'jsqr/jsQR.js'));
copyFileSync(join(modules, 'jsqr/LICENSE'), join(lib, 'jsqr/LICENSE'));

const sheets = ['bootstrap.min.css', 'bootstrap.rtl.min.css'];
mkdirSync(join(here, 'upstream'), { recursive: true });
for (const sheet of sheets) {
    copy(join(modules, 'bootstrap/dist/css', sheet), join(here, 'upstream', sheet));
}
const purged = await new PurgeCSS().purge({
    content: [
        join(web, '**/*.cshtml'),
        join(web, 'Features/**/*.cs'),
        join(web, 'Infrastructure/**/*.cs'),
        join(web, 'wwwroot/js/*.js'),
        // The classes Bootstrap's own script sets (show, collapsing, modal-open…).
        join(modules, 'bootstrap/dist/js/bootstrap.js'),
    ],
    css: sheets.map(s => join(here, 'upstream', s)),
    // Classes a view builds from a number: the progress bars' widths (w-@(percent / 25 * 25)).
    safelist: { standard: [/^w-(0|25|50|75|100)$/, /^is-(in)?valid$/, /^was-validated$/] },
    keyframes: true,
    fontFace: true,
});
for (const sheet of purged) {
    const name = sheet.file.split(/[\\/]/).pop();
    writeFileSync(join(lib, 'bootstrap', name), sheet.css);
    console.log(`${name}: ${readFileSync(join(here, 'upstream', name)).length} → ${Buffer.byteLength(sheet.css)} bytes`);
}
