"""Signs the demo clerk in through the real pages (password, then TOTP) and prints the session cookie for wrk."""
import base64, hashlib, hmac, re, struct, sys, time, urllib.parse, urllib.request, http.client

base, email, password, secret = sys.argv[1:5]
host = urllib.parse.urlparse(base)
cookies = {}

def call(method, path, form=None):
    conn = http.client.HTTPConnection(host.hostname, host.port)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body, headers)
    r = conn.getresponse()
    for k, v in r.getheaders():
        if k.lower() == "set-cookie":
            name, value = v.split(";")[0].split("=", 1)
            cookies[name] = value
    return r.status, r.getheader("Location"), r.read().decode()

def token(html):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)

def totp(key):
    k = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    h = hmac.new(k, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    o = h[-1] & 15
    return "%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7FFFFFFF) % 1000000)

_, _, html = call("GET", "/Account/Login")
status, location, _ = call("POST", "/Account/Login", {"Email": email, "Password": password, "__RequestVerificationToken": token(html)})
assert status == 302, status
_, _, html = call("GET", location)
status, location, _ = call("POST", location, {"Input.Code": totp(secret), "__RequestVerificationToken": token(html)})
assert status == 302 and location == "/", (status, location)
print("panah.session=" + cookies["panah.session"])
