// Context: panel. "Decode as": override the detected protocol of a channel, or load a .proto
// file and a message type to decode protobuf frames with their schema.
import { useRef, useState } from 'react';
import { useSession } from '../hooks/use-session';
import { channelProtocol, decoderChoices, setChannelDecoder } from '../../lib/store/channel-decoding';
import { loadProtobufSchema } from '../../lib/decoders';
import type { Channel } from '../../lib/store/session-types';

export function DecodeAs({ channel }: { channel: Channel }) {
  const session = useSession();
  const current = channelProtocol(session, channel);
  const file = useRef<HTMLInputElement>(null);
  const [proto, setProto] = useState<string | null>(null);
  const [type, setType] = useState('');
  const [error, setError] = useState('');
  const choices = decoderChoices(session, channel);
  const applyProto = async (text: string, messageType: string) => {
    try {
      // protobufjs is loaded on first use: it is a large part of the decoders' weight.
      const { createProtobufDecoder } = await loadProtobufSchema();
      setChannelDecoder(session, channel, createProtobufDecoder({ proto: text, messageType }));
      setError('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <span className="decode-as">
      <select
        aria-label="decode as"
        data-testid="decode-as"
        value={current?.id ?? ''}
        onChange={(e) => {
          const v = e.target.value;
          if (v === '__auto') setChannelDecoder(session, channel, undefined);
          else if (v === '__proto') file.current?.click();
          else setChannelDecoder(session, channel, choices.find((c) => c.decoder.id === v)?.decoder ?? null);
        }}
      >
        <option value="">raw</option>
        <option value="__auto">auto-detect</option>
        {choices.map(({ decoder, confidence }) => (
          <option key={decoder.id} value={decoder.id}>
            {decoder.name} {confidence > 0 ? `(${Math.round(confidence * 100)}%)` : ''}
          </option>
        ))}
        {current?.id === 'protobuf-schema' && <option value="protobuf-schema">{current.name}</option>}
        <option value="__proto">protobuf with a .proto file…</option>
      </select>
      <input
        ref={file}
        type="file"
        accept=".proto,text/plain"
        hidden
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) setProto(await f.text());
        }}
      />
      {proto !== null && (
        <>
          <input
            placeholder="message type, e.g. chat.Message"
            value={type}
            onChange={(e) => setType(e.target.value)}
            aria-label="protobuf message type"
          />
          <button onClick={() => void applyProto(proto, type)} disabled={!type}>
            Apply
          </button>
        </>
      )}
      {error && <span className="bad">{error}</span>}
    </span>
  );
}
