"""The three engines the peers harness drives, behind one interface: `call(kind, params)` answers one request
(the timed part) and `comparable(kind, answer)` reduces an answer to what the agreement check compares.

Comparable answers, as compare.py reduces chronod's: neighbourhoods are the sorted ids of the root and every
entity within `depth` relations either way (None when more than the node budget, 200, are: chronod cuts such
answers short, the peers' queries stop at one more than the budget), paths their
length in relations (None when no path of at most `max_depth` exists), timelines the ordered event ids.

Graph model, the same in both peers: `Entity` nodes (actors and instruments: id, kind, name), `Event` nodes
(id, type, title, EDTF date and the day keys chronod derived from it: lower, upper, fuzzy_lower,
fuzzy_upper, precision), one `REL` edge per relation (type, id), one `TAKES_PART` edge (role) from each
participant to its event. Timelines order events as chronod does, by (lower, precision, id); a window keeps
the events whose fuzzy span meets it (chronod's `overlaps` mode).
"""
import json
import pathlib
import socket
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from compare import daemon_answer  # noqa: E402  (chronod's answers reduced as the floor check reduces them)
from floor import NODE_LIMIT, day  # noqa: E402  (chronod's default node budget; ISO date -> chronod's day number)

KINDS = ["neighbors1", "neighbors2", "path", "actor_timeline", "timeline"]


class Chronod:
    """chronod over one TCP connection, one request line at a time; the answer is the reply line's bytes."""

    name = "chronod"

    def __init__(self, port):
        self.connection = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.replies = self.connection.makefile("rb")

    def call(self, kind, params, line):
        self.connection.sendall(line)
        return self.replies.readline()

    def comparable(self, kind, answer, params):
        frame = json.loads(answer)
        if frame.get("status") != "OK":
            return {"error": frame.get("status"), "message": frame.get("message")}
        return daemon_answer(kind, frame["result"])

    def close(self):
        self.connection.close()


# Cypher shared by both peers where their dialects agree. Parameters: $id, $from, $to, $lo, $hi.
TIMELINE_RETURN = "RETURN e.id, e.type, e.title, e.date_edtf ORDER BY e.lower, e.precision, e.id LIMIT 50"
WINDOW = "MATCH (e:Event) WHERE e.fuzzy_lower <= $hi AND e.fuzzy_upper >= $lo " + TIMELINE_RETURN
NEIGHBOURS_LIMIT = NODE_LIMIT + 1  # one more than the budget: an answer that long is cut short


def peer_params(kind, params):
    """A request's params as the peers' query parameters."""
    if kind.startswith("neighbors"):
        return {"id": params["id"]}
    if kind == "path":
        return {"from": params["from"], "to": params["to"]}
    if kind == "actor_timeline":
        return {"id": params["actors"][0]}
    return {"lo": day(params["from"]), "hi": day(params["to"])}


def peer_comparable(kind, rows, params):
    """Rows of a peer's answer reduced like chronod's (see the module's doc comment)."""
    if kind.startswith("neighbors"):
        if len(rows) >= NEIGHBOURS_LIMIT:
            return None
        return sorted([params["id"]] + [row[0] for row in rows])
    if kind == "path":
        return rows[0][0] if rows else None
    return [row[0] for row in rows]


class FalkorDB:
    """A FalkorDB server (redis-server with the FalkorDB module) over TCP, through the `falkordb` client."""

    name = "falkordb"
    QUERIES = {
        "neighbors1": "MATCH (a:Entity {id: $id})-[:REL]-(b:Entity) WHERE b <> a "
        f"RETURN DISTINCT b.id, b.kind, b.name LIMIT {NEIGHBOURS_LIMIT}",
        "neighbors2": "MATCH (a:Entity {id: $id})-[:REL*1..2]-(b:Entity) WHERE b <> a "
        f"RETURN DISTINCT b.id, b.kind, b.name LIMIT {NEIGHBOURS_LIMIT}",
        # shortestPath() is directed only in FalkorDB; algo.SPpaths follows relations both ways.
        "path": "MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) CALL algo.SPpaths({sourceNode: a, "
        "targetNode: b, relTypes: ['REL'], maxLen: 4, relDirection: 'both', pathCount: 1}) YIELD path "
        "RETURN length(path), [n IN nodes(path) | n.id]",
        "actor_timeline": "MATCH (:Entity {id: $id})-[:TAKES_PART]->(e:Event) " + TIMELINE_RETURN,
        "timeline": WINDOW,
    }

    def __init__(self, port, graph="chrono"):
        from falkordb import FalkorDB as Client

        self.client = Client(host="127.0.0.1", port=port)
        self.graph = self.client.select_graph(graph)

    def load(self, records, batch=5000):
        """Creates the indexes, then the nodes and edges in batches of `batch` rows."""
        for index in ["(n:Entity) ON (n.id)", "(n:Event) ON (n.id)", "(n:Event) ON (n.fuzzy_lower)",
                      "(n:Event) ON (n.fuzzy_upper)", "(n:Event) ON (n.lower)"]:
            self.graph.query(f"CREATE INDEX FOR {index}")
        statements = {
            "entities": "UNWIND $rows AS r CREATE (:Entity {id: r.id, kind: r.kind, name: r.name})",
            "events": "UNWIND $rows AS r CREATE (:Event {id: r.id, type: r.type, title: r.title, "
            "date_edtf: r.date_edtf, lower: r.lower, upper: r.upper, fuzzy_lower: r.fuzzy_lower, "
            "fuzzy_upper: r.fuzzy_upper, precision: r.precision})",
            "relations": "UNWIND $rows AS r MATCH (a:Entity {id: r.from}), (b:Entity {id: r.to}) "
            "CREATE (a)-[:REL {id: r.id, type: r.type}]->(b)",
            "participants": "UNWIND $rows AS r MATCH (a:Entity {id: r.entity}), (e:Event {id: r.event}) "
            "CREATE (a)-[:TAKES_PART {role: r.role}]->(e)",
        }
        for kind, statement in statements.items():
            rows = records[kind]
            for start in range(0, len(rows), batch):
                self.graph.query(statement, {"rows": rows[start:start + batch]})

    def call(self, kind, params, line):
        if kind == "path" and params["from"] == params["to"]:
            return [[0, [params["from"]]]]  # SPpaths finds no path from a node to itself; chronod's is 0 hops
        return self.graph.ro_query(self.QUERIES[kind], peer_params(kind, params)).result_set

    def comparable(self, kind, answer, params):
        return peer_comparable(kind, answer, params)

    def close(self):
        self.client.close()


class Kuzu:
    """Kùzu in process: one connection, prepared statements."""

    name = "kuzu"
    QUERIES = {
        # SHORTEST yields one shortest walk to each reachable node: a breadth-first search, not every walk.
        "neighbors1": "MATCH (a:Entity)-[:REL]-(b:Entity) WHERE a.id = $id AND b.id <> $id "
        f"RETURN DISTINCT b.id, b.kind, b.name LIMIT {NEIGHBOURS_LIMIT}",
        "neighbors2": "MATCH (a:Entity)-[:REL* SHORTEST 1..2]-(b:Entity) WHERE a.id = $id AND b.id <> $id "
        f"RETURN DISTINCT b.id, b.kind, b.name LIMIT {NEIGHBOURS_LIMIT}",
        "path": "MATCH p = (a:Entity)-[:REL* SHORTEST 1..4]-(b:Entity) WHERE a.id = $from AND b.id = $to "
        "RETURN length(p), properties(nodes(p), 'id') LIMIT 1",
        "actor_timeline": "MATCH (a:Entity)-[:TAKES_PART]->(e:Event) WHERE a.id = $id " + TIMELINE_RETURN,
        "timeline": WINDOW,
    }

    def __init__(self, directory, buffer_pool_bytes):
        import kuzu

        self.database = kuzu.Database(str(directory), buffer_pool_size=buffer_pool_bytes)
        self.connection = kuzu.Connection(self.database)
        self.prepared = {}

    def load(self, records, scratch):
        """Bulk-loads CSV files written to `scratch` with COPY, Kùzu's loader."""
        import csv

        schema = [
            "CREATE NODE TABLE Entity(id STRING, kind STRING, name STRING, PRIMARY KEY (id))",
            "CREATE NODE TABLE Event(id STRING, type STRING, title STRING, date_edtf STRING, lower INT64, "
            "upper INT64, fuzzy_lower INT64, fuzzy_upper INT64, precision INT64, PRIMARY KEY (id))",
            "CREATE REL TABLE REL(FROM Entity TO Entity, id STRING, type STRING)",
            "CREATE REL TABLE TAKES_PART(FROM Entity TO Event, role STRING)",
        ]
        for statement in schema:
            self.connection.execute(statement)
        tables = {
            "Entity": ("entities", ["id", "kind", "name"]),
            "Event": ("events", ["id", "type", "title", "date_edtf", "lower", "upper", "fuzzy_lower", "fuzzy_upper",
                                 "precision"]),
            "REL": ("relations", ["from", "to", "id", "type"]),
            "TAKES_PART": ("participants", ["entity", "event", "role"]),
        }
        for table, (kind, columns) in tables.items():
            path = pathlib.Path(scratch) / f"{table}.csv"
            with open(path, "w", newline="", encoding="utf-8") as sink:
                writer = csv.writer(sink)
                writer.writerow(columns)
                writer.writerows([row[column] for column in columns] for row in records[kind])
            self.connection.execute(f"COPY {table} FROM '{path}' (header = true)")

    def call(self, kind, params, line):
        if kind == "path" and params["from"] == params["to"]:
            return [[0, [params["from"]]]]  # SHORTEST 1..4 needs one hop at least; chronod's path is 0 hops
        statement = self.prepared.get(kind)
        if statement is None:
            statement = self.prepared[kind] = self.connection.prepare(self.QUERIES[kind])
        result = self.connection.execute(statement, peer_params(kind, params))
        rows = []
        while result.has_next():
            rows.append(result.get_next())
        return rows

    def comparable(self, kind, answer, params):
        return peer_comparable(kind, answer, params)

    def close(self):
        self.connection.close()
        self.database.close()
