import { createParser } from 'eventsource-parser';

/** SSE text as the browser's parser splits it: each message's event name, data and id. */
export function sseFrames(text: string): { event: string | undefined; data: string; id: string | undefined }[] {
  const frames: { event: string | undefined; data: string; id: string | undefined }[] = [];
  const parser = createParser({ onEvent: (m) => frames.push({ event: m.event, data: m.data, id: m.id }) });
  parser.feed(text);
  return frames;
}
