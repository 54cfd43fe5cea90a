import { expect, it } from 'vitest';
import { addressRefusal } from './address.ts';
import { urlRefusal } from './target.ts';

it('lets through https on public names and public addresses', () => {
  for (const ok of ['https://images.example.com/a.jpg', 'https://shop.example:8443/feed.xml', 'https://8.8.8.8/x.jpg', 'https://[2606:4700:4700::1111]/x', 'https://[::ffff:8.8.8.8]/x', 'https://[64:ff9b::808:808]/x']) {
    expect(urlRefusal(ok), ok).toBeNull();
  }
});

it.each([
  ['http://images.example.com/a.jpg', 'http is not allowed (https only)'],
  ['https://user:pw@example.com/x', 'credentials in the address are not allowed'],
  ['https://localhost/x', 'localhost is not a public host name'],
  ['https://localhost./x', 'localhost. is not a public host name'],
  ['https://intranet/x', 'intranet is not a public host name'],
  ['https://x.internal./x', 'x.internal. is a local name'],
  ['https://app.localhost/x', 'app.localhost is a local name'],
  ['https://nas.home.arpa/x', 'nas.home.arpa is a local name'],
  ['https://127.0.0.1/x', '127.0.0.1 is a loopback address'],
  ['https://2130706433/x', '127.0.0.1 is a loopback address'],
  ['https://017700000001/x', '127.0.0.1 is a loopback address'],
  ['https://0x7f000001/x', '127.0.0.1 is a loopback address'],
  ['https://10.1.2.3/x', '10.1.2.3 is a private address'],
  ['https://172.20.0.1/x', '172.20.0.1 is a private address'],
  ['https://192.168.0.1/x', '192.168.0.1 is a private address'],
  ['https://100.100.0.1/x', '100.100.0.1 is a shared (carrier-grade NAT) address'],
  ['https://169.254.169.254/latest', '169.254.169.254 is a link-local address'],
  ['https://198.18.0.1/x', '198.18.0.1 is a benchmarking address'],
  ['https://192.0.2.1/x', '192.0.2.1 is a documentation address'],
  ['https://0.0.0.0/x', '0.0.0.0 is a "this network" address'],
  ['https://255.255.255.255/x', '255.255.255.255 is a reserved address'],
  ['https://224.0.0.1/x', '224.0.0.1 is a multicast address'],
  ['https://[::1]/x', '[::1] is a loopback address'],
  ['https://[::]/x', '[::] is the unspecified address'],
  ['https://[::7f00:1]/x', '[::7f00:1] is not a global unicast address'],
  ['https://[::ffff:127.0.0.1]/x', '[::ffff:7f00:1] is a loopback address inside IPv6'],
  ['https://[64:ff9b::a9fe:a9fe]/x', '[64:ff9b::a9fe:a9fe] is a link-local address inside IPv6'],
  ['https://[fd00::1]/x', '[fd00::1] is a unique local address'],
  ['https://[fe80::1]/x', '[fe80::1] is a link-local address'],
  ['https://[ff02::1]/x', '[ff02::1] is a multicast address'],
  ['https://[2001:db8::1]/x', '[2001:db8::1] is a documentation address'],
  ['https://[2001::1]/x', '[2001::1] is an IETF protocol address'],
  ['https://[2002:7f00:1::]/x', '[2002:7f00:1::] is a 6to4 address'],
  ['file:///etc/passwd', 'file is not allowed (https only)'],
  ['not a url', 'is not a URL'],
])('refuses %s: %s', (url, reason) => {
  expect(urlRefusal(url)).toBe(reason);
});

it('judges resolved addresses in every spelling a resolver may give', () => {
  expect(addressRefusal('::ffff:10.0.0.1')).toBe('a private address inside IPv6');
  expect(addressRefusal('0:0:0:0:0:ffff:a9fe:a9fe')).toBe('a link-local address inside IPv6');
  expect(addressRefusal('fe80::1%eth0')).toBe('not an IP address');
  expect(addressRefusal('1.2.3')).toBe('not an IP address');
  expect(addressRefusal('1:2:3:4:5:6:7:8:9')).toBe('not an IP address');
  expect(addressRefusal('203.0.114.1')).toBeNull();
  expect(addressRefusal('2a00:1450:4001:80b::200e')).toBeNull();
});
