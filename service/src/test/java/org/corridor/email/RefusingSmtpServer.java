package org.corridor.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server that greets, then refuses every recipient the way a real one refuses an
 * unknown mailbox (550, naming the address), over a real socket.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;

    private final Thread thread;

    RefusingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept();
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                reply(out, "220 refusing.test ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.toUpperCase();
                    if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                        reply(out, "250 refusing.test");
                    }
                    else if (command.startsWith("MAIL FROM")) {
                        reply(out, "250 2.1.0 Ok");
                    }
                    else if (command.startsWith("RCPT TO")) {
                        String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                    }
                    else if (command.startsWith("QUIT")) {
                        reply(out, "221 2.0.0 Bye");
                        break;
                    }
                    else {
                        reply(out, "250 Ok");
                    }
                }
            }
            catch (IOException e) {
                // closed, or the client went away: wait for the next one
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

}
