// Passkeys (WebAuthn) for the second sign-in step and the account page. A form marked
// data-passkey="get" or "create" asks the server for options, lets the browser talk to the
// authenticator, puts the browser's answer in the form's CredentialJson field and posts the form.
// Served by Panah itself: the Content-Security-Policy allows no inline or third-party script.
(() => {
    'use strict';
    if (!window.PublicKeyCredential || !navigator.credentials) {
        return;
    }

    const fromBase64Url = text => {
        const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
        const binary = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
        return Uint8Array.from(binary, c => c.charCodeAt(0)).buffer;
    };
    const toBase64Url = buffer => {
        let binary = '';
        new Uint8Array(buffer).forEach(b => { binary += String.fromCharCode(b); });
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    };
    const withIds = list => (list || []).map(c => ({ ...c, id: fromBase64Url(c.id) }));

    // Browsers without the JSON helpers of WebAuthn level 3 get the same conversion by hand.
    const creationOptions = json => PublicKeyCredential.parseCreationOptionsFromJSON
        ? PublicKeyCredential.parseCreationOptionsFromJSON(json)
        : { ...json, challenge: fromBase64Url(json.challenge), user: { ...json.user, id: fromBase64Url(json.user.id) }, excludeCredentials: withIds(json.excludeCredentials) };
    const requestOptions = json => PublicKeyCredential.parseRequestOptionsFromJSON
        ? PublicKeyCredential.parseRequestOptionsFromJSON(json)
        : { ...json, challenge: fromBase64Url(json.challenge), allowCredentials: withIds(json.allowCredentials) };

    const credentialJson = credential => {
        if (typeof credential.toJSON === 'function') {
            return credential.toJSON();
        }
        const r = credential.response;
        const response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
        if (r.attestationObject) {
            response.attestationObject = toBase64Url(r.attestationObject);
            response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
        } else {
            response.authenticatorData = toBase64Url(r.authenticatorData);
            response.signature = toBase64Url(r.signature);
            if (r.userHandle) {
                response.userHandle = toBase64Url(r.userHandle);
            }
        }
        return {
            id: credential.id,
            rawId: toBase64Url(credential.rawId),
            type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment,
            clientExtensionResults: credential.getClientExtensionResults(),
            response,
        };
    };

    const ceremony = async form => {
        const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
        const answer = await fetch(form.dataset.optionsUrl, { method: 'POST', headers: { RequestVerificationToken: token }, credentials: 'same-origin' });
        if (!answer.ok) {
            throw new Error('No passkey options: ' + answer.status);
        }
        const options = await answer.json();
        const credential = form.dataset.passkey === 'create'
            ? await navigator.credentials.create({ publicKey: creationOptions(options) })
            : await navigator.credentials.get({ publicKey: requestOptions(options) });
        form.querySelector('input[name$="CredentialJson"]').value = JSON.stringify(credentialJson(credential));
        form.submit();
    };

    document.querySelectorAll('form[data-passkey]').forEach(form => {
        form.hidden = false;
        const error = form.querySelector('[data-passkey-error]');
        form.addEventListener('submit', event => {
            event.preventDefault();
            if (!form.checkValidity()) {
                form.reportValidity();
                return;
            }
            error.hidden = true;
            ceremony(form).catch(() => {
                error.textContent = form.dataset.passkeyFailed;
                error.hidden = false;
            });
        });
    });
})();
