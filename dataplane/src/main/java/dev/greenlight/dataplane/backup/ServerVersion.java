package dev.greenlight.dataplane.backup;

import org.jdbi.v3.core.Handle;

/** The server's version: its major number and its text, e.g. 15 and "15.20 (Debian …)". */
record ServerVersion(int major, String text) {
  static ServerVersion of(Handle h) {
    int num = Integer.parseInt(h.createQuery("SHOW server_version_num").mapTo(String.class).one());
    String text = h.createQuery("SHOW server_version").mapTo(String.class).one();
    return new ServerVersion(num / 10_000, text);
  }
}
