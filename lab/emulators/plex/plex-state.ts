/** The emulated Plex server's library and preferences. */
export interface PlexItemRecord {
  readonly ratingKey: string;
  readonly title: string;
  readonly year: number;
  readonly file: string;
  readonly guids: readonly string[];
  readonly addedAt: number;
}

export interface PlexSectionRecord {
  readonly key: string;
  readonly type: 'movie' | 'show';
  title: string;
  readonly locations: string[];
  refreshing: boolean;
  readonly items: PlexItemRecord[];
  readonly uuid: string;
}

export interface PlexPref {
  readonly type: 'bool' | 'int' | 'double' | 'text';
  value: boolean | number | string;
  readonly label: string;
  readonly default: boolean | number | string;
}

export interface PlexState {
  readonly machineIdentifier: string;
  version: string;
  readonly sections: PlexSectionRecord[];
  readonly prefs: Map<string, PlexPref>;
  /** Every scan request: section key and optional folder. */
  readonly refreshes: { readonly sectionKey: string; readonly path?: string }[];
  nextKey: number;
}

const bool = (label: string, value: boolean): PlexPref => ({ type: 'bool', value, default: value, label });

export function createPlexState(): PlexState {
  return {
    machineIdentifier: '96f2fe7a78c9dc1f16a16bedbe90f98149be16b4',
    version: '1.41.3.9314-a0bfb8370',
    sections: [],
    refreshes: [],
    nextKey: 1,
    prefs: new Map<string, PlexPref>([
      ['FriendlyName', { type: 'text', value: 'emu-plex', default: '', label: 'Friendly name' }],
      ['FSEventLibraryUpdatesEnabled', bool('Scan my library automatically', true)],
      ['FSEventLibraryPartialScanEnabled', bool('Run a partial scan when changes are detected', true)],
      ['ScheduledLibraryUpdatesEnabled', bool('Scan my library periodically', false)],
      ['ScheduledLibraryUpdateInterval', { type: 'int', value: 3600, default: 3600, label: 'Library scan interval' }],
      ['autoEmptyTrash', bool('Empty trash automatically after every scan', true)],
    ]),
  };
}
