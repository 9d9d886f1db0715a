package io.isolane.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;

/**
 * A small authoritative DNS server for tests, on 127.0.0.1 over UDP and TCP (same free port), with
 * a mutable, thread-safe zone of A, CNAME, MX and TXT records. Names are case-insensitive; a name
 * without records answers NXDOMAIN, a name without the asked type answers NOERROR with no data, or
 * its CNAME when it has one (never chased).
 */
public final class DnsTestServer implements AutoCloseable {
  private static final int PLAIN_UDP_LIMIT = 512;

  private final DnsZone zone = new DnsZone();
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final ServerSocket tcp;
  private final DatagramSocket udp;

  private DnsTestServer(ServerSocket tcp, DatagramSocket udp) {
    this.tcp = tcp;
    this.udp = udp;
    daemon("dns-test-udp", this::serveUdp).start();
    daemon("dns-test-tcp", this::acceptTcp).start();
  }

  /** Starts a server with an empty zone. */
  public static DnsTestServer start() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    IOException last = null;
    // UDP and TCP must share the port; retry when the TCP port's UDP twin is taken.
    for (int attempt = 0; attempt < 10; attempt++) {
      ServerSocket tcp = null;
      try {
        tcp = new ServerSocket(0, 50, loopback);
        return new DnsTestServer(tcp, new DatagramSocket(tcp.getLocalPort(), loopback));
      } catch (IOException e) {
        last = e;
        closeQuietly(tcp);
      }
    }
    throw new IllegalStateException("cannot bind a DNS test port", last);
  }

  public int port() {
    return tcp.getLocalPort();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(tcp.getInetAddress(), port());
  }

  /**
   * Adds a record: A ("192.0.2.1"), CNAME (target), MX ("10 host") or TXT (the text, split into
   * 255-byte character-strings).
   */
  public DnsTestServer add(String name, String type, String value) {
    zone.add(name, type, value);
    return this;
  }

  /** Removes every record of that type at the name. */
  public DnsTestServer remove(String name, String type) {
    zone.remove(name, type);
    return this;
  }

  public DnsTestServer clear() {
    zone.clear();
    return this;
  }

  @Override
  public void close() {
    closeQuietly(udp);
    closeQuietly(tcp);
    connections.forEach(DnsTestServer::closeQuietly);
  }

  private void serveUdp() {
    byte[] buffer = new byte[65535];
    while (!udp.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        udp.receive(packet);
        Message query = new Message(Arrays.copyOf(buffer, packet.getLength()));
        OPTRecord opt = query.getOPT();
        int limit = opt == null ? PLAIN_UDP_LIMIT : Math.max(PLAIN_UDP_LIMIT, opt.getPayloadSize());
        byte[] answer = zone.answer(query).toWire(limit); // sets TC when it does not fit
        udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
      } catch (IOException e) {
        // a closed socket ends the loop; a malformed query is dropped
      }
    }
  }

  private void acceptTcp() {
    while (!tcp.isClosed()) {
      try {
        Socket socket = tcp.accept();
        connections.add(socket);
        daemon("dns-test-tcp-conn", () -> serveTcp(socket)).start();
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void serveTcp(Socket socket) {
    try (socket;
        DataInputStream in = new DataInputStream(socket.getInputStream());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
      while (true) {
        byte[] query = new byte[in.readUnsignedShort()];
        in.readFully(query);
        byte[] answer = zone.answer(new Message(query)).toWire();
        out.writeShort(answer.length);
        out.write(answer);
        out.flush();
      }
    } catch (IOException e) {
      // the client hung up, close() closed it, or the query was malformed
    } finally {
      connections.remove(socket);
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception e) {
      // already closed
    }
  }
}
