import { Box, Text } from 'ink';
import { LTSC_RELEASES, releaseName } from '../domain/releases.js';
import { sanitize } from '../report/sanitize.js';
import { useColor } from './color.js';
import { KEYMAP } from './keymap.js';
import { padTo } from './marks.js';

export function Help() {
  const color = useColor();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys</Text>
      {KEYMAP.map((binding) => (
        <Text key={binding.keys}>
          <Text color={color('cyan')}>{padTo(binding.keys, 12)}</Text> {binding.help}
        </Text>
      ))}
    </Box>
  );
}

export function ReleaseChooser({ node }: { readonly node: string }) {
  const color = useColor();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>What if {sanitize(node, 60)} ran another release? (Esc: cancel)</Text>
      {LTSC_RELEASES.map((release, index) => (
        <Text key={release}>
          <Text color={color('cyan')}>{index + 1}</Text> {releaseName(release)}
        </Text>
      ))}
    </Box>
  );
}
