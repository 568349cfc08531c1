import { Button, Menu } from '@mantine/core';
import type { Dictionary } from '../i18n/locale';
import { useMessages } from '../i18n/locale';

const vi = { documents: 'Tài liệu', word: 'Word (.docx)', pdf: 'PDF' };
const en: Record<keyof typeof vi, string> = { documents: 'Documents', word: 'Word (.docx)', pdf: 'PDF' };
const messages: Dictionary<keyof typeof vi> = { vi, en };

export interface DocumentLink {
  /** What the document is, e.g. "Báo cáo tự đánh giá". */
  label: string;
  /** The API route; `?format=docx|pdf` is added. */
  href: string;
  /** docx and pdf unless said. */
  formats?: readonly ('docx' | 'pdf')[];
}

/**
 * "Tài liệu": the official documents of a page as plain downloads (Word and PDF). A link, not a
 * fetch: the browser shows the download's progress and keeps the file name the server gives.
 */
export function DocumentMenu({ links, label }: { links: DocumentLink[]; label?: string }) {
  const t = useMessages(messages);
  if (links.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{label ?? t('documents')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {links.map((link, index) => (
          <div key={link.href}>
            {index > 0 && <Menu.Divider />}
            <Menu.Label>{link.label}</Menu.Label>
            {(link.formats ?? ['docx', 'pdf']).map((format) => (
              <Menu.Item key={format} component="a" href={`${link.href}?format=${format}`} download>
                {t(format === 'docx' ? 'word' : 'pdf')}
              </Menu.Item>
            ))}
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
