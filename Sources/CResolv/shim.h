#ifndef DMS_RELAY_CRESOLV_SHIM_H
#define DMS_RELAY_CRESOLV_SHIM_H

// DNS lookups through libresolv, the way Postfix's smtp client resolves a next hop with
// its default `smtp_host_lookup = dns`: MX records for an unbracketed host, then A/AAAA
// records of each exchanger (or of the host itself). Swift cannot use the resolver's
// macros and structs comfortably, so this header wraps one query in a `static inline`
// function prefixed `dr_`. Each call has its own `res_state`, so concurrent checks never
// share resolver state.

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <string.h>
#include <sys/socket.h>

/// One answer record: the MX preference (0 for A/AAAA) and the exchanger's name (MX) or
/// the address as text (A/AAAA).
typedef struct {
  int preference;
  char text[NS_MAXDNAME];
} dr_dns_record;

/// Outcomes besides a record count (>= 0; 0 means the name exists without such records).
enum {
  /// The name does not exist (NXDOMAIN): Postfix bounces, "Host or domain name not found".
  DR_DNS_NXDOMAIN = -1,
  /// No answer from any name server, SERVFAIL or another temporary failure: Postfix defers.
  DR_DNS_TRYAGAIN = -2,
  /// The answer could not be parsed.
  DR_DNS_BADANSWER = -3,
  /// The resolver could not be initialised (or the test server address is not IPv4).
  DR_DNS_NOINIT = -4,
};

/// The record types this shim asks for.
enum { DR_DNS_A = ns_t_a, DR_DNS_AAAA = ns_t_aaaa, DR_DNS_MX = ns_t_mx };

/// Looks up records of `type` (DR_DNS_A, DR_DNS_AAAA or DR_DNS_MX) for `name` into `out`
/// (at most `max`) and returns how many were found, or a DR_DNS_ code. When
/// `server_ipv4` is non-NULL the query goes only to that IPv4 address and `port` (tests
/// point this at a loopback DNS server); otherwise to the servers of /etc/resolv.conf.
/// `timeout_seconds` bounds each of the two tries.
static inline int dr_dns_lookup(const char *name, int type, dr_dns_record *out, int max,
                                const char *server_ipv4, int port, int timeout_seconds) {
  struct __res_state state;
  memset(&state, 0, sizeof state);
  if (res_ninit(&state) != 0) return DR_DNS_NOINIT;
  state.retrans = timeout_seconds > 0 ? timeout_seconds : 5;
  state.retry = 2;
  if (server_ipv4 != NULL) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    if (inet_pton(AF_INET, server_ipv4, &addr.sin_addr) != 1) {
      res_nclose(&state);
      return DR_DNS_NOINIT;
    }
    state.nsaddr_list[0] = addr;
    state.nscount = 1;
  }
  unsigned char answer[NS_PACKETSZ * 16];
  int length = res_nquery(&state, name, ns_c_in, type, answer, sizeof answer);
  int herr = state.res_h_errno;
  res_nclose(&state);
  if (length < 0) {
    if (herr == HOST_NOT_FOUND) return DR_DNS_NXDOMAIN;
    if (herr == NO_DATA) return 0;
    return DR_DNS_TRYAGAIN;
  }
  ns_msg message;
  if (ns_initparse(answer, length, &message) != 0) return DR_DNS_BADANSWER;
  int count = 0;
  int records = ns_msg_count(message, ns_s_an);
  for (int i = 0; i < records && count < max; i++) {
    ns_rr rr;
    if (ns_parserr(&message, ns_s_an, i, &rr) != 0) return DR_DNS_BADANSWER;
    if (ns_rr_type(rr) != type) continue;  // CNAMEs on the way are skipped
    const unsigned char *rdata = ns_rr_rdata(rr);
    out[count].preference = 0;
    if (type == ns_t_mx) {
      if (ns_rr_rdlen(rr) < 3) return DR_DNS_BADANSWER;
      out[count].preference = (int)ns_get16(rdata);
      if (ns_name_uncompress(ns_msg_base(message), ns_msg_end(message), rdata + 2,
                             out[count].text, sizeof out[count].text) < 0) {
        return DR_DNS_BADANSWER;
      }
    } else {
      int family = type == ns_t_a ? AF_INET : AF_INET6;
      if (ns_rr_rdlen(rr) != (type == ns_t_a ? 4 : 16)) return DR_DNS_BADANSWER;
      if (inet_ntop(family, rdata, out[count].text, sizeof out[count].text) == NULL) {
        return DR_DNS_BADANSWER;
      }
    }
    count++;
  }
  return count;
}

#endif
