import { OutboundAddressPolicy, RefusedAddressError } from './outbound-address-policy';

const lookup = (policy: OutboundAddressPolicy, hostname: string, all = false) =>
  new Promise<{ error: Error | null; address: unknown }>((resolve) => policy.lookup(hostname, { all }, (error, address) => resolve({ error, address })));

describe('OutboundAddressPolicy: webhooks reach public addresses only, unless allow-listed', () => {
  const strict = new OutboundAddressPolicy([]);

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.10.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['10.1.2.3', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.10', 'private'],
    ['fd00:ec2::254', 'unique-local'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
  ])('refuses %s (%s) and names the variable that would allow it', (address, word) => {
    const reason = strict.refusal(address);
    expect(reason).toContain(word);
    expect(reason).toContain('NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES');
  });

  it.each(['8.8.8.8', '203.119.206.75', '2001:4860:4860::8888'])('lets the public address %s through', (address) => {
    expect(strict.refusal(address)).toBeNull();
  });

  it('lets allow-listed addresses and networks through, and nothing next to them', () => {
    const policy = new OutboundAddressPolicy(['127.0.0.1', '10.20.0.0/16', 'fd12:3456::/32']);
    expect(policy.refusal('127.0.0.1')).toBeNull();
    expect(policy.refusal('::ffff:127.0.0.1')).toBeNull();
    expect(policy.refusal('10.20.9.9')).toBeNull();
    expect(policy.refusal('fd12:3456::7')).toBeNull();
    expect(policy.refusal('127.0.0.2')).toContain('loopback');
    expect(policy.refusal('10.21.0.1')).toContain('private');
    expect(policy.refusal('169.254.169.254')).toContain('link-local');
  });

  it('checks IP literals in a URL, which Node connects to without a lookup', () => {
    expect(strict.literalRefusal(new URL('http://169.254.169.254/latest/meta-data/'))).toContain('link-local');
    expect(strict.literalRefusal(new URL('http://[::1]:8080/hook'))).toContain('loopback');
    expect(strict.literalRefusal(new URL('http://2130706433/'))).toContain('loopback');
    expect(strict.literalRefusal(new URL('https://example.gov.cn/hook'))).toBeNull();
  });

  it('refuses at lookup time a name that resolves to loopback, and resolves it when allow-listed', async () => {
    const refused = await lookup(strict, 'localhost');
    expect(refused.error).toBeInstanceOf(RefusedAddressError);
    expect(refused.error?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address, not reached unless NOTIFICATION_ALLOWED_PRIVATE_ADDRESSES lists it$/);
    const allowed = await lookup(new OutboundAddressPolicy(['127.0.0.0/8', '::1']), 'localhost', true);
    expect(allowed.error).toBeNull();
    expect((allowed.address as { address: string }[]).map((entry) => entry.address)).toContain('127.0.0.1');
  });
});
