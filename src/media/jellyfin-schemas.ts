import { z } from 'zod';

/** Permissive parsers for Jellyfin's REST API (PascalCase JSON): only the fields we read. */
export const jellyfinSystemInfoSchema = z.looseObject({
  ServerName: z.string().nullish(),
  Version: z.string().nullish(),
  Id: z.string().nullish(),
});

export const jellyfinVirtualFoldersSchema = z.array(
  z.looseObject({
    Name: z.string().nullish(),
    Locations: z.array(z.string()).nullish(),
    CollectionType: z.string().nullish(),
    ItemId: z.string().nullish(),
    LibraryOptions: z.looseObject({ EnableRealtimeMonitor: z.boolean().optional() }).nullish(),
  }),
);

export const jellyfinTasksSchema = z.array(
  z.looseObject({
    Name: z.string().nullish(),
    Key: z.string().nullish(),
    Triggers: z.array(z.looseObject({ Type: z.string().optional() })).nullish(),
  }),
);

export const jellyfinItemsSchema = z.looseObject({
  Items: z
    .array(
      z.looseObject({
        Id: z.string().optional(),
        Name: z.string().nullish(),
        ProductionYear: z.number().nullish(),
        Path: z.string().nullish(),
        ProviderIds: z.record(z.string(), z.string().nullish()).nullish(),
      }),
    )
    .default([]),
  TotalRecordCount: z.number().optional(),
});
