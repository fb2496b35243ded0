"""Receives Raqib alerts and checks their Standard Webhooks signature (Python 3.9+, standard library only).

Run: RAQIB_WEBHOOK_SECRET=whsec_... python3 docs/webhook_receiver.py [PORT]   (PORT 0: any free port)
"""
import base64, hashlib, hmac, json, os, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer

KEY = base64.b64decode(os.environ["RAQIB_WEBHOOK_SECRET"].removeprefix("whsec_"))
TOLERANCE_SECONDS = 5 * 60
seen = set()  # webhook-ids already handled: a retry or a replay is acknowledged, not handled twice


def verified(headers, body):
    msg_id, timestamp = headers.get("webhook-id", ""), headers.get("webhook-timestamp", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + body  # the raw body: never re-serialized JSON
    expected = base64.b64encode(hmac.new(KEY, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, s[3:])
               for s in headers.get("webhook-signature", "").split() if s.startswith("v1,"))


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not verified(self.headers, body):
            self.send_response(401)
        else:
            msg_id = self.headers["webhook-id"]
            if msg_id not in seen:
                seen.add(msg_id)
                alert = json.loads(body)
                print("alert", msg_id, alert.get("data", {}).get("title", alert.get("text")), flush=True)
            self.send_response(204)
        self.end_headers()


server = HTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8000), Receiver)
print("listening on port", server.server_port, flush=True)
server.serve_forever()
