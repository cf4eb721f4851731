import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { isIP } from 'node:net';

/** The variable that lists the private addresses an operator lets webhooks reach. */
export const ALLOW_LIST_VARIABLE = 'NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES';

const NOT_REACHED = `not reached unless ${ALLOW_LIST_VARIABLE} lists it`;

/** What range names mean to a reader of the delivery log. */
const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address (cloud metadata lives there)',
  uniqueLocal: 'a private (unique-local) address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address (some clouds put metadata there)',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
};

/**
 * Which addresses an outgoing notification may connect to: public unicast addresses only, unless
 * the operator allow-lists an address or network (NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES: an
 * intranet receiver, a test server). ipaddr.js classifies; IPv4-mapped IPv6 (::ffff:127.0.0.1) is
 * judged as the IPv4 it carries, and every other special range (6to4, Teredo, NAT64, reserved…),
 * which could tunnel to a private address, is refused like a private one.
 */
export class OutboundAddressPolicy {
  private readonly allowed: [ipaddr.IPv4 | ipaddr.IPv6, number][];

  /** `allowList`: addresses or CIDR networks, already validated at boot (notification-settings.ts). */
  constructor(allowList: readonly string[]) {
    this.allowed = allowList.map(parseAllowEntry);
  }

  /** Null when the address may be reached, else why not. */
  refusal(address: string): string | null {
    const refused = this.classify(address);
    return refused && `${refused.address} is ${refused.what}, ${NOT_REACHED}`;
  }

  /** Null when the address may be reached, else the address as judged and what it is. */
  private classify(address: string): { address: string; what: string } | null {
    if (!ipaddr.isValid(address)) return { address, what: 'not an IP address' };
    const ip = ipaddr.process(address);
    if (this.allowed.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits))) return null;
    const range = ip.range();
    if (range === 'unicast') return null;
    return { address: ip.toString(), what: RANGE_WORDS[range] ?? `a special-purpose address (${range})` };
  }

  /**
   * A drop-in for dns.lookup on an http(s) request: the host is resolved, and the connection refused
   * before it is made if any address it resolves to is refused. The check is on the address actually
   * connected to, so a name that resolves to a public address when the channel is saved and to
   * 127.0.0.1 when the message goes (DNS rebinding) is still refused.
   */
  readonly lookup = (
    hostname: string,
    options: { family?: number | string; hints?: number; all?: boolean },
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { family: normalFamily(options.family), hints: options.hints, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      // Every address must pass: the connection may go to any of them.
      const refused = addresses.map((entry) => this.classify(entry.address)).find((reason) => reason !== null);
      if (refused) return callback(new RefusedAddressError(`${hostname} resolves to ${refused.address}, ${refused.what}, ${NOT_REACHED}`), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };

  /** For a URL whose host is an IP literal: Node connects to those without any lookup, so they are checked here. */
  literalRefusal(url: URL): string | null {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    return isIP(host) ? this.refusal(host) : null;
  }
}

/** Thrown by the lookup; the sender turns it into a permanent failure with this message. */
export class RefusedAddressError extends Error {
  readonly code = 'EADDRREFUSED';
}

function normalFamily(family: number | string | undefined): 0 | 4 | 6 {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return 0;
}

/** An address (a /32 or /128) or a CIDR network. Throws on anything else. */
export function parseAllowEntry(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
  const ip = ipaddr.parse(entry);
  return [ip, ip.kind() === 'ipv4' ? 32 : 128];
}
