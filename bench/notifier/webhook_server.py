"""A Slack webhook stand-in on 127.0.0.1: answers every POST with 200 "ok". Used by cold-path.sh."""
import http.server
import sys


class Webhook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Webhook)
print(server.server_address[1], flush=True)
server.serve_forever()
