import { describe, expect, it } from 'vitest';
import { interpolate, interpolateTree, type InterpolationEnv } from './interpolate.js';

const env: InterpolationEnv = {
  values: new Map([
    ['SET', 'v'],
    ['EMPTY', ''],
  ]),
  complete: true,
};
const partial: InterpolationEnv = { values: new Map([['SET', 'v']]), complete: false };

describe('interpolate', () => {
  it.each([
    ['$SET', 'v'],
    ['${SET}', 'v'],
    ['a${SET}b', 'avb'],
    ['${UNSET}', ''],
    ['${SET:-d}', 'v'],
    ['${EMPTY:-d}', 'd'],
    ['${UNSET:-d}', 'd'],
    ['${SET-d}', 'v'],
    ['${EMPTY-d}', ''],
    ['${UNSET-d}', 'd'],
    ['${SET:?boom}', 'v'],
    ['${EMPTY?boom}', ''],
    ['${SET:+x}', 'x'],
    ['${EMPTY:+x}', ''],
    ['${EMPTY+x}', 'x'],
    ['${UNSET+x}', ''],
    ['$$SET', '$SET'],
    ['$${SET}', '${SET}'],
    ['cost $5', 'cost $5'],
    ['${UNSET:-${ALSO:-${SET}}}', 'v'],
    ['${UNSET:-a}${SET:+b}', 'ab'],
  ])('resolves %s to %s', (template, expected) => {
    expect(interpolate(template, env)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['${UNSET:?needs a value}', 'required variable UNSET is missing a value: needs a value'],
    ['${EMPTY:?}', 'required variable EMPTY is missing a value'],
    ['${UNSET?x}', 'required variable UNSET is missing a value: x'],
  ])('reports %s as an error', (template, message) => {
    expect(interpolate(template, env)).toEqual({ ok: false, error: message });
  });

  it('rejects ${} and an unclosed brace as invalid templates', () => {
    expect(interpolate('${}', env).ok).toBe(false);
    expect(interpolate('${SET', env).ok).toBe(false);
  });

  it.each([
    ['${HOST_ONLY}', '⟪HOST_ONLY⟫'],
    ['img:${TAG:-1.0}', 'img:⟪TAG⟫'],
    ['${PW:?set it}', '⟪PW⟫'],
    ['${X:+on}', '⟪X⟫'],
    ['${SET}-$OTHER', 'v-⟪OTHER⟫'],
  ])('turns unknown variables in %s into markers when the env is incomplete', (template, expected) => {
    expect(interpolate(template, partial)).toEqual({ ok: true, value: expected });
  });

  it('interpolates values but never keys, reporting the path of a failure', () => {
    const tree = { services: { web: { environment: { $KEY: '${SET}', B: '${UNSET:?x}' } } } };
    const { value, errors } = interpolateTree(tree, env);
    expect(value).toEqual({ services: { web: { environment: { $KEY: 'v', B: '${UNSET:?x}' } } } });
    expect(errors).toEqual([
      { path: 'services.web.environment.B', error: 'required variable UNSET is missing a value: x' },
    ]);
  });
});
