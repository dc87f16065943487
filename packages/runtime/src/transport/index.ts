/** Transports: the Pipecat WebSocket protocol, the text channel, POST /start and POST /turn. */
export type { Clock, ManualClock, TimerHandle } from "./clock";
export { createManualClock, systemClock } from "./clock";
export type { TransportLogger } from "./logger";
export { silentLogger } from "./logger";
export type { Result, TransportError, TransportErrorCode } from "./errors";
export { transportError } from "./errors";

export type { DisconnectCode, DisconnectReason, SessionHandler, Transport, TransportEvent, TransportKind, TransportSession } from "./session";
export type { AudioPacer, AudioPacerOptions, PlaybackReport } from "./audio/audio-pacer";
export { createAudioPacer } from "./audio/audio-pacer";
export type { Wav } from "./audio/wav";
export { encodeWav, parseWav } from "./audio/wav";

export type { OutboundWireFrame, WireFrame } from "./protocol/frame-codec";
export { decodeFrame, encodeFrame } from "./protocol/frame-codec";
export { RTVI_LABEL, RTVI_PROTOCOL_VERSION } from "./protocol/rtvi-version";
export type { RtviMetricsData, RtviOutbound, RtviOutboundType } from "./protocol/rtvi-outbound";
export { RtviOutboundSchema } from "./protocol/rtvi-outbound";
export type { InboundRejection, ParsedInbound, RtviInbound, RtviInboundType } from "./protocol/rtvi-inbound";
export { parseRtviInbound, RtviInboundSchema } from "./protocol/rtvi-inbound";
export { rtvi } from "./protocol/rtvi-factories";

export type { PipecatTransportOptions } from "./pipecat/pipecat-options";
export { BOT_SAMPLE_RATE } from "./pipecat/pipecat-options";
export type { UpgradeTransport } from "./upgrade-transport";
export { createPipecatTransport } from "./pipecat/pipecat-transport";
export { createTextTransport } from "./text/text-transport";
export type { TextInbound, TextOutbound } from "./text/text-messages";
export { TextInboundSchema, TextOutboundSchema } from "./text/text-messages";
export type { CorsOrigins } from "./http/cors";
export type { StartEndpointOptions, StartResponse } from "./http/start-endpoint";
export { StartResponseSchema } from "./http/start-endpoint";
export type { TurnHandler, TurnRequest, TurnResponse, TurnResult } from "./http/turn-endpoint";
export { TurnResponseSchema } from "./http/turn-endpoint";
export type { TransportServer, TransportServerOptions } from "./server/transport-server";
export { createTransportServer } from "./server/transport-server";

/** Test aid: a Node client of the Pipecat protocol, for pipeline tests over real sockets. */
export type { PipecatTestClient, ReceivedRtvi } from "./testing/pipecat-test-client";
export { connectPipecatTestClient } from "./testing/pipecat-test-client";
