/**
 * "Share" (Teams' share dialog, where the Teams client has one), "Share to
 * Teams" (Teams' web share page, only outside Teams in a browser where it
 * works) and "Copy link" (a Teams deep link inside Teams, the page URL
 * outside). When the clipboard refuses, the link is shown selected for manual
 * copying.
 */
import { useState } from 'react';
import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { format, useStrings } from '../i18n';
import { LinkIcon, ShareIcon } from './icons';

export interface ShareActionsProps {
  displayId: string;
  /** Present only when the host can open its share dialog. */
  onShare?: () => Promise<'shared' | 'cancelled' | 'failed'>;
  onCopyLink: () => Promise<{ copied: boolean; link: string }>;
  /** Teams' "Share to Teams" web page for the item: present only outside Teams, in desktop Edge or Chrome. */
  shareToTeamsUrl?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  message: { flexBasis: '100%', margin: 0, color: tokens.colorNeutralForeground2 },
  manual: { flexBasis: '100%', maxWidth: '40rem' },
});

export function ShareActions({ displayId, onShare, onCopyLink, shareToTeamsUrl }: ShareActionsProps) {
  const s = useStrings();
  const styles = useStyles();
  const [message, setMessage] = useState('');
  const [manualLink, setManualLink] = useState<string | null>(null);

  const share = async () => {
    if (!onShare) return;
    setManualLink(null);
    const outcome = await onShare();
    setMessage(outcome === 'failed' ? s.shareFailed : '');
  };
  const copy = async () => {
    const { copied, link } = await onCopyLink();
    if (copied) {
      setManualLink(null);
      setMessage(format(s.linkCopied, { id: displayId }));
    } else {
      setManualLink(link);
      setMessage(s.copyFailed);
    }
  };

  return (
    <div className={styles.root}>
      {onShare && (
        <Button icon={<ShareIcon />} onClick={() => void share()} aria-label={format(s.shareItem, { id: displayId })}>
          {s.share}
        </Button>
      )}
      {shareToTeamsUrl && (
        <Button
          as="a"
          href={shareToTeamsUrl}
          target="_blank"
          rel="noopener noreferrer"
          icon={<ShareIcon />}
          aria-label={format(s.shareToTeamsItem, { id: displayId })}
          data-action="share-to-teams"
        >
          {s.shareToTeams}
        </Button>
      )}
      <Button icon={<LinkIcon />} onClick={() => void copy()} aria-label={format(s.copyLinkItem, { id: displayId })}>
        {s.copyLink}
      </Button>
      <p role="status" className={styles.message}>{message}</p>
      {manualLink && (
        <Input
          className={styles.manual}
          readOnly
          value={manualLink}
          aria-label={format(s.copyLinkItem, { id: displayId })}
          onFocus={(e) => e.currentTarget.select()}
          ref={(el) => el?.select()}
        />
      )}
    </div>
  );
}
