/**
 * Embedded PostgreSQL: PGlite (a single-session WASM Postgres) served over TCP so that the rest of
 * the application uses the same `pg` driver as with a real server.
 *
 * Why not PGLiteSocketServer's own multiplexer: it interleaves the messages of different
 * connections one by one, so an extended-protocol exchange (Parse/Bind/Execute/Sync) of one client
 * can be cut by another client's Parse, and only transactions are kept together. Here a connection
 * owns the session from its first message until a message boundary (Sync, simple Query, startup)
 * leaves the database outside any transaction; other connections wait their turn in arrival order.
 */
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const BOUNDARY_TYPES = new Set(["S".charCodeAt(0), "Q".charCodeAt(0)]);
const TERMINATE = "X".charCodeAt(0);

interface Connection {
  socket: net.Socket;
  buffer: Buffer;
  started: boolean;
  pending: Array<{ data: Uint8Array; startup: boolean }>;
  closed: boolean;
}

export interface EmbeddedDatabase {
  url: string;
  close(): Promise<void>;
}

export async function startEmbeddedDatabase(options: { dataDir: string; port?: number }): Promise<EmbeddedDatabase> {
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const db = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
  const connections = new Set<Connection>();
  let owner: Connection | null = null;
  let queue: Connection[] = [];
  let pumping = false;

  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        const conn = owner ?? queue.find((c) => c.pending.length > 0);
        if (!conn || conn.pending.length === 0) break;
        const { data: message, startup: isStartup } = conn.pending.shift() as Connection["pending"][number];
        owner = conn;
        if (!isStartup && message[0] === TERMINATE) {
          await releaseConnection(conn);
          continue;
        }
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(message, {
              onRawData: (data) => {
                if (!conn.closed && conn.socket.writable) conn.socket.write(Buffer.from(data));
              },
            }),
          );
        } catch {
          conn.socket.destroy();
          await releaseConnection(conn);
          continue;
        }
        const boundary = isStartup || BOUNDARY_TYPES.has(message[0] as number);
        if (boundary && !db.isInTransaction()) {
          owner = null;
          // Round robin: the connection that just finished goes to the back of the line.
          queue = [...queue.filter((c) => c !== conn), conn];
        }
      }
    } finally {
      pumping = false;
    }
  };

  /** A connection that leaves in the middle of a transaction must not leave the session in it. */
  const releaseConnection = async (conn: Connection) => {
    conn.closed = true;
    conn.pending = [];
    connections.delete(conn);
    queue = queue.filter((c) => c !== conn);
    if (owner === conn) {
      if (db.isInTransaction()) await db.exec("ROLLBACK").catch(() => undefined);
      owner = null;
    }
  };

  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    const conn: Connection = { socket, buffer: Buffer.alloc(0), started: false, pending: [], closed: false };
    connections.add(conn);
    queue.push(conn);
    socket.on("data", (chunk) => {
      conn.buffer = Buffer.concat([conn.buffer, chunk]);
      for (;;) {
        const message = nextMessage(conn);
        if (!message) break;
        if (message === "handled") continue;
        conn.pending.push(message);
      }
      void pump();
    });
    const onGone = () => {
      if (conn.closed) return;
      void releaseConnection(conn).then(pump);
    };
    socket.on("close", onGone);
    socket.on("error", onGone);
  });

  /** Cuts one protocol message out of the connection buffer, answering SSL/GSS/cancel requests itself. */
  function nextMessage(conn: Connection): Connection["pending"][number] | "handled" | null {
    const buf = conn.buffer;
    if (!conn.started) {
      if (buf.length < 8) return null;
      const length = buf.readInt32BE(0);
      if (buf.length < length) return null;
      const code = buf.readInt32BE(4);
      conn.buffer = buf.subarray(length);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        conn.socket.write("N");
        return "handled";
      }
      if (code === CANCEL_REQUEST) return "handled";
      conn.started = true;
      return { data: new Uint8Array(buf.subarray(0, length)), startup: true };
    }
    if (buf.length < 5) return null;
    const length = 1 + buf.readInt32BE(1);
    if (buf.length < length) return null;
    conn.buffer = buf.subarray(length);
    return { data: new Uint8Array(buf.subarray(0, length)), startup: false };
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address() as net.AddressInfo;

  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${address.port}/postgres?sslmode=disable`,
    async close() {
      for (const conn of connections) conn.socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
