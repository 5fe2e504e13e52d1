import { it, expect } from 'vitest';
import { lint } from './engine.js';
const cases = [
  'FROM', 'FROM --platform=$BUILDPLATFORM', 'ARG', 'ARG =', 'ENV', 'ENV =1', 'FROM a\nCOPY', 'FROM a\nCOPY --from=', 'FROM a\nRUN', 'FROM a\nRUN \\', 'FROM a\nRUN <<EOF', 'FROM a\nCMD [', 'FROM a\nCMD ["a",', 'FROM a\nUSER', 'FROM a\nWORKDIR', 'FROM a\nHEALTHCHECK', 'FROM a\nHEALTHCHECK CMD', 'FROM a\nHEALTHCHECK NONE',
  'FROM a\nRUN echo "unterminated', "FROM a\nRUN echo 'x", 'FROM a\nRUN $(', 'FROM a\nRUN ${', 'FROM a\nRUN a >', 'FROM a\nRUN cat <<', 'FROM a AS', 'FROM a AS b c', '# escape=`\nFROM a\nRUN echo `\n  hi',
  'FROM a\nENV PATH=', 'FROM a\nENV PATH="$"', 'FROM a\nCOPY --from=b', 'FROM a\nADD --checksum', 'FROM a\nRUN chmod', 'FROM a\nRUN chown -R', 'FROM a\nRUN pip install -r', 'FROM a\nRUN pip install -e', 'FROM a\nRUN python -m', 'FROM a\nRUN python -m venv', 'FROM a\nENTRYPOINT []', 'FROM a\nCMD ["sh", "-c"]',
  '\uFEFFFROM a\r\nRUN pip install x\r\n', 'FROM a\n\n\n\\\n', 'FROM a\nONBUILD RUN pip install x', 'FROM a\nRUN sh -c', 'FROM a\nRUN env', 'FROM a\nRUN sudo', 'FROM a\nRUN timeout', 'FROM a\nRUN gosu',
];
it('never throws on truncated or odd input in any of the four files', () => {
  for (const text of cases) {
    expect(() => lint({ dockerfile: { path: 'Dockerfile', text }, compose: { path: 'c.yaml', text: 'services: [' }, devcontainer: { path: 'd.json', text: '{ // x\n "a": 1, }' }, dockerignore: { path: '.dockerignore', text: '!\n' } }), JSON.stringify(text)).not.toThrow();
  }
});
