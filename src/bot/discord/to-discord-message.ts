import type { ActionButton, ActionStyle, OutgoingMessage, SelectMenu } from '../../chat/chat-port.js';
import { fitMessage } from '../../chat/fit-message.js';

/** Discord's wire limits (API docs, "Component Reference"). */
const buttonsPerRow = 5;
const maxRows = 5;
const maxSelectOptions = 25;

const buttonStyles: Readonly<Record<ActionStyle, number>> = { primary: 1, secondary: 2, success: 3, danger: 4 };

/** One file ready for multipart upload (`files[n]`). */
export interface DiscordFile {
  readonly name: string;
  readonly data: Buffer;
  readonly contentType: string;
}

/** A message body in Discord's JSON shape plus its files. */
export interface DiscordMessageBody {
  readonly content: string;
  readonly components: Record<string, unknown>[];
  readonly files: DiscordFile[];
}

const toButton = (b: ActionButton) => ({
  type: 2,
  custom_id: b.id,
  label: b.label.slice(0, 80),
  style: buttonStyles[b.style],
  disabled: b.disabled === true,
});

const toSelectRow = (s: SelectMenu) => ({
  type: 1,
  components: [
    {
      type: 3,
      custom_id: s.id,
      placeholder: s.placeholder.slice(0, 150),
      disabled: s.disabled === true,
      min_values: s.minValues ?? 1,
      max_values: s.maxValues ?? 1,
      options: s.options.slice(0, maxSelectOptions).map((o) => ({
        label: o.label.slice(0, 100),
        value: o.value,
        ...(o.description === undefined ? {} : { description: o.description.slice(0, 100) }),
      })),
    },
  ],
});

/** Buttons in rows of at most five, then the select in its own row; at most five rows in total. */
export function toComponents(message: OutgoingMessage): Record<string, unknown>[] {
  const buttons = message.buttons ?? [];
  const rows: Record<string, unknown>[] = [];
  const buttonRows = maxRows - (message.select === undefined ? 0 : 1);
  for (let i = 0; i < buttons.length && rows.length < buttonRows; i += buttonsPerRow) {
    rows.push({ type: 1, components: buttons.slice(i, i + buttonsPerRow).map(toButton) });
  }
  if (message.select !== undefined) rows.push(toSelectRow(message.select));
  return rows;
}

/**
 * Converts a platform-neutral message: text over 2000 characters is shortened by `fitMessage`
 * (the full text becomes an attachment), attachments become multipart files.
 */
export function toDiscordMessage(message: OutgoingMessage): DiscordMessageBody {
  const fitted = fitMessage(message, 'discord');
  return {
    content: fitted.text,
    components: toComponents(fitted),
    files: (fitted.attachments ?? []).map((a) => ({
      name: a.filename,
      data: typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : Buffer.from(a.content),
      contentType: a.contentType ?? 'application/octet-stream',
    })),
  };
}

/** Returns components with every button and select set to `disabled: true`. */
export function disableComponents(components: readonly unknown[]): unknown[] {
  return components.map((c) => {
    if (typeof c !== 'object' || c === null) return c;
    const o = c as Record<string, unknown>;
    if (Array.isArray(o['components'])) return { ...o, components: disableComponents(o['components']) };
    return o['type'] === 1 ? o : { ...o, disabled: true };
  });
}
