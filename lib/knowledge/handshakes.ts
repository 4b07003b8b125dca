// Context: pure (panel + model), no browser APIs.
// The WebSocket opening and closing handshakes next to the TCP handshakes the seed article
// teaches. Showing them side by side makes the layering visible: a WebSocket handshake is an
// HTTP exchange that runs only after TCP (and TLS) are already up.

import type { Localized } from '../i18n/locale';

export type Party = 'client' | 'server';
export type HandshakeId = 'tcp-open' | 'tcp-close' | 'ws-open' | 'ws-close';

export interface HandshakeStep {
  from: Party;
  /** What travels, as it looks on the wire (flags, a request line, a frame type). Not translated. */
  wire: string;
  detail: Localized;
  /** TCP states after this step, where the article names them. */
  clientState?: string;
  serverState?: string;
}

export interface Handshake {
  id: HandshakeId;
  layer: 'tcp' | 'websocket';
  title: Localized;
  purpose: Localized;
  steps: readonly HandshakeStep[];
  note?: Localized;
}

/** Fixed GUID from RFC 6455 that the server appends to the key before hashing. */
export const WEBSOCKET_ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

// The sample key/accept pair published in RFC 6455; a unit test recomputes it.
export const SAMPLE_WEBSOCKET_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
export const SAMPLE_WEBSOCKET_ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';

export const handshakes: readonly Handshake[] = [
  {
    id: 'tcp-open',
    layer: 'tcp',
    title: { en: 'TCP three-way handshake', 'zh-CN': 'TCP 三次握手' },
    purpose: {
      en: 'Both sides prove they can send and receive, and agree on starting sequence numbers, so a stale, delayed connection request cannot open a connection by mistake.',
      'zh-CN': '双方确认彼此都能正常收发，并约定初始序列号，避免网络中滞留的过期连接请求误建连接。',
    },
    steps: [
      {
        from: 'client',
        wire: 'SYN, seq=x',
        detail: {
          en: 'The client asks to open a connection. Now we know the client can send.',
          'zh-CN': '客户端请求建立连接。由此可知客户端的发送能力正常。',
        },
        clientState: 'SYN-SENT',
        serverState: 'LISTEN',
      },
      {
        from: 'server',
        wire: 'SYN+ACK, seq=y, ack=x+1',
        detail: {
          en: 'The server confirms the request and sends its own. Now we know the server can receive and send.',
          'zh-CN': '服务器确认收到请求，同时发出自己的连接请求。由此可知服务器的接收和发送能力都正常。',
        },
        clientState: 'SYN-SENT',
        serverState: 'SYN-RCVD',
      },
      {
        from: 'client',
        wire: 'ACK, seq=x+1, ack=y+1',
        detail: {
          en: 'The client confirms. Now we know the client can receive; the connection is open.',
          'zh-CN': '客户端回复确认。由此可知客户端的接收能力正常，连接建立。',
        },
        clientState: 'ESTABLISHED',
        serverState: 'ESTABLISHED',
      },
    ],
  },
  {
    id: 'tcp-close',
    layer: 'tcp',
    title: { en: 'TCP four-way close', 'zh-CN': 'TCP 四次挥手' },
    purpose: {
      en: 'Each direction is shut separately, so the side that did not start the close can finish sending what it still has.',
      'zh-CN': '两个方向分别关闭，让被动关闭的一方可以先把剩下的数据发完。',
    },
    steps: [
      {
        from: 'client',
        wire: 'FIN, seq=u',
        detail: {
          en: 'The client has nothing more to send and asks to close its direction.',
          'zh-CN': '客户端没有数据要发了，请求关闭自己这一方向。',
        },
        clientState: 'FIN-WAIT-1',
        serverState: 'ESTABLISHED',
      },
      {
        from: 'server',
        wire: 'ACK, seq=v, ack=u+1',
        detail: {
          en: 'The server acknowledges but may keep sending its remaining data.',
          'zh-CN': '服务器确认收到，但还可以继续发送剩余的数据。',
        },
        clientState: 'FIN-WAIT-2',
        serverState: 'CLOSE-WAIT',
      },
      {
        from: 'server',
        wire: 'FIN+ACK, seq=w, ack=u+1',
        detail: {
          en: 'The server has sent everything and closes its direction too.',
          'zh-CN': '服务器的数据发完了，也关闭自己这一方向。',
        },
        clientState: 'FIN-WAIT-2',
        serverState: 'LAST-ACK',
      },
      {
        from: 'client',
        wire: 'ACK, seq=u+1, ack=w+1',
        detail: {
          en: 'The client confirms and waits two maximum segment lifetimes (2MSL) before it fully closes, in case this last ACK is lost and the FIN is resent.',
          'zh-CN': '客户端发出确认，并等待 2MSL（两倍最长报文寿命）后才彻底关闭，以防这个 ACK 丢失、服务器重发 FIN。',
        },
        clientState: 'TIME-WAIT',
        serverState: 'CLOSED',
      },
    ],
  },
  {
    id: 'ws-open',
    layer: 'websocket',
    title: { en: 'WebSocket opening handshake', 'zh-CN': 'WebSocket 建立连接握手' },
    purpose: {
      en: 'Turn an HTTP connection into a WebSocket, and make sure the server really speaks WebSocket rather than just echoing headers.',
      'zh-CN': '把一条 HTTP 连接升级为 WebSocket，并确认服务器真的支持 WebSocket，而不是简单地回显请求头。',
    },
    steps: [
      {
        from: 'client',
        wire: 'TCP handshake (+ TLS for wss://)',
        detail: {
          en: 'First the ordinary TCP three-way handshake, plus a TLS handshake for wss://.',
          'zh-CN': '先进行普通的 TCP 三次握手；如果是 wss://，还要进行 TLS 握手。',
        },
      },
      {
        from: 'client',
        wire: `GET /chat HTTP/1.1\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Version: 13\nSec-WebSocket-Key: ${SAMPLE_WEBSOCKET_KEY}`,
        detail: {
          en: 'An ordinary GET asking to switch protocols. The key is 16 random bytes in Base64, fresh for every connection; the browser also sends Origin, cookies and any subprotocols the page asked for.',
          'zh-CN':
            '一个普通的 GET 请求，要求切换协议。key 是 16 个随机字节的 Base64 编码，每次连接都不同；浏览器还会带上 Origin、Cookie 以及页面指定的子协议。',
        },
      },
      {
        from: 'server',
        wire: `HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Accept: ${SAMPLE_WEBSOCKET_ACCEPT}`,
        detail: {
          en: 'The server agrees. The accept value is Base64(SHA-1(key + a fixed GUID)), which proves it understood the request. Any other status, or a wrong accept value, fails the connection.',
          'zh-CN':
            '服务器同意升级。accept 的值是 Base64(SHA-1(key + 固定 GUID))，以此证明它确实理解了这个请求。返回其他状态码或 accept 值不对，连接都会失败。',
        },
      },
      {
        from: 'server',
        wire: 'frames ⇄',
        detail: {
          en: 'From now on both sides exchange WebSocket frames (text, binary, ping, pong, close) on the same TCP connection.',
          'zh-CN': '此后双方在同一条 TCP 连接上互相收发 WebSocket 帧（文本、二进制、ping、pong、close）。',
        },
      },
    ],
    note: {
      en: 'Over HTTP/2 (RFC 8441) the same upgrade is an extended CONNECT request answered with 200, and DevTools may show that instead of 101.',
      'zh-CN': '在 HTTP/2 上（RFC 8441），同样的升级改用扩展 CONNECT 请求，成功时返回 200，所以 DevTools 里看到的可能是 200 而不是 101。',
    },
  },
  {
    id: 'ws-close',
    layer: 'websocket',
    title: { en: 'WebSocket closing handshake', 'zh-CN': 'WebSocket 关闭握手' },
    purpose: {
      en: 'Both sides agree the conversation is over and say why, before TCP itself is closed.',
      'zh-CN': '在关闭 TCP 之前，双方先确认对话结束，并说明原因。',
    },
    steps: [
      {
        from: 'client',
        wire: 'Close frame (code, reason)',
        detail: {
          en: 'One side (either one) sends a Close frame with a status code and an optional short reason, and sends no more data.',
          'zh-CN': '任意一方发送带状态码和可选简短原因的关闭帧，之后不再发送数据。',
        },
      },
      {
        from: 'server',
        wire: 'Close frame (usually the same code)',
        detail: {
          en: 'The other side answers with its own Close frame, usually echoing the code.',
          'zh-CN': '另一方回复自己的关闭帧，通常原样带回同一个状态码。',
        },
      },
      {
        from: 'server',
        wire: 'TCP four-way close',
        detail: {
          en: 'Then TCP closes. The server should close first, so the waiting TIME-WAIT state lands on the server rather than the client.',
          'zh-CN': '接着关闭 TCP。应由服务器先关闭，这样 TIME-WAIT 等待状态落在服务器一侧，而不是客户端。',
        },
      },
    ],
    note: {
      en: 'If TCP ends without this exchange, the page gets close code 1006 and wasClean = false.',
      'zh-CN': '如果 TCP 在没有完成这一交换的情况下断开，页面会收到关闭码 1006，且 wasClean 为 false。',
    },
  },
];

export function handshake(id: HandshakeId): Handshake {
  const found = handshakes.find((h) => h.id === id);
  if (!found) throw new Error(`unknown handshake ${id}`);
  return found;
}

/** Pairs for the side-by-side view: each WebSocket handshake sits on top of a TCP one. */
export const handshakePairs: readonly { websocket: HandshakeId; tcp: HandshakeId }[] = [
  { websocket: 'ws-open', tcp: 'tcp-open' },
  { websocket: 'ws-close', tcp: 'tcp-close' },
];
