# Helpers the bench/ scripts share; sourced after they set $py (python3). Not a command.

# A TCP port free on loopback now.
free_port() { "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The median of the numbers on standard input, one per line.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Lines in file $1 (0 when it does not exist yet).
lines() { [ -f "$1" ] && wc -l < "$1" || echo 0; }

# One JSON-RPC call to the chain at $1: method $2, params $3 (JSON); prints the result.
rpc() {
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":$3}" "$1" \
    | "$py" -c 'import json,sys; r=json.load(sys.stdin); print(r["result"]) if "result" in r else sys.exit("rpc error: %s" % r.get("error"))'
}
