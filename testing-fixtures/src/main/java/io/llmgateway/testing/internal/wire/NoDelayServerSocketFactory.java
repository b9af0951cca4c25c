package io.llmgateway.testing.internal.wire;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted sockets have TCP_NODELAY. MockWebServer 4.12 writes headers and
 * body in separate packets; without this every small response waits ~45 ms for a delayed ACK. It
 * also counts the connections still open, so a test can see a client hang up, and lets a fault
 * pause a response once mid-body ({@link WireStall}).
 */
public final class NoDelayServerSocketFactory extends ServerSocketFactory {
  private final AtomicInteger open = new AtomicInteger();

  /** Accepted connections not yet closed by the server (it closes when the client goes away). */
  public int openConnections() {
    return open.get();
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket(open);
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = new NoDelayServerSocket(open);
    socket.bind(new java.net.InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = new NoDelayServerSocket(open);
    socket.bind(new java.net.InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    ServerSocket socket = new NoDelayServerSocket(open);
    socket.bind(new java.net.InetSocketAddress(address, port), backlog);
    return socket;
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    private final AtomicInteger open;

    NoDelayServerSocket(AtomicInteger open) throws IOException {
      super();
      this.open = open;
    }

    @Override
    public Socket accept() throws IOException {
      if (isClosed()) {
        throw new SocketException("Socket is closed");
      }
      CountedSocket socket = new CountedSocket(open);
      implAccept(socket);
      socket.setTcpNoDelay(true);
      open.incrementAndGet();
      return socket;
    }
  }

  /**
   * Counts itself out when closed, or when a read or write fails: MockWebServer does not close a
   * connection whose client hung up mid-response, it only notices at its next write.
   */
  private static final class CountedSocket extends Socket {
    private final AtomicInteger open;
    private final AtomicBoolean gone = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    CountedSocket(AtomicInteger open) {
      this.open = open;
    }

    private void gone() {
      if (gone.compareAndSet(false, true)) {
        open.decrementAndGet();
        closed.countDown();
      }
    }

    /** Ends the output as a dying server does: a FIN after the last byte sent. */
    private void hangUp() {
      try {
        shutdownOutput();
      } catch (IOException e) {
        // already gone
      }
    }

    @Override
    public synchronized void close() throws IOException {
      gone();
      super.close();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
      OutputStream out = super.getOutputStream();
      return new FilterOutputStream(out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          try {
            WireStall.write(out, b, off, len, closed, CountedSocket.this::hangUp);
          } catch (IOException e) {
            gone();
            throw e;
          }
        }

        @Override
        public void write(int b) throws IOException {
          try {
            WireStall.write(out, new byte[] {(byte) b}, 0, 1, closed, CountedSocket.this::hangUp);
          } catch (IOException e) {
            gone();
            throw e;
          }
        }
      };
    }

    @Override
    public InputStream getInputStream() throws IOException {
      InputStream in = super.getInputStream();
      return new FilterInputStream(in) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          try {
            return in.read(b, off, len);
          } catch (IOException e) {
            gone();
            throw e;
          }
        }
      };
    }
  }
}
