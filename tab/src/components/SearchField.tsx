/**
 * The search box. Safe with a Japanese IME: nothing is searched while a word
 * is being composed (the candidate text is not what the user means yet, and
 * Enter there confirms the conversion, not the search); the composed word is
 * searched once it is committed.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { Field, SearchBox, makeStyles } from '@fluentui/react-components';
import { NARROW } from '../layout';
import { createKeystrokeThrottle } from '../state/throttle';

export const SEARCH_THROTTLE_MS = 150;

export interface SearchFieldProps {
  value: string;
  label: string;
  placeholder: string;
  onCommit(query: string): void;
  className?: string;
}

const useStyles = makeStyles({
  box: { width: '100%', maxWidth: 'none' },
  // On a phone the box's placeholder and icon say what it is; the label stays for screen readers.
  label: { [NARROW]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } },
});

export const SearchField = memo(function SearchField({ value, label, placeholder, onCommit, className }: SearchFieldProps) {
  const styles = useStyles();
  const [text, setText] = useState(value);
  const composing = useRef(false);
  const committed = useRef(value);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;
  const throttle = useRef(createKeystrokeThrottle(SEARCH_THROTTLE_MS));

  // The query changed elsewhere (cleared filters, a link): show it.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  const commit = (q: string) => {
    if (q === committed.current) return;
    committed.current = q;
    commitRef.current(q);
  };

  return (
    <Field label={{ children: label, className: styles.label }} className={className}>
      <SearchBox
        className={styles.box}
        value={text}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(ev, data) => {
          setText(data.value);
          const native = ev.nativeEvent as InputEvent;
          if (composing.current || native?.isComposing) return;
          throttle.current.schedule(() => commit(data.value));
        }}
        onCompositionStart={() => {
          composing.current = true;
          throttle.current.cancel();
        }}
        onCompositionEnd={(ev) => {
          composing.current = false;
          const q = ev.currentTarget.value;
          throttle.current.schedule(() => commit(q));
        }}
        onKeyDown={(ev) => {
          if (ev.key !== 'Enter' || ev.nativeEvent.isComposing || ev.keyCode === 229) return;
          throttle.current.cancel();
          commit(ev.currentTarget.value);
        }}
      />
    </Field>
  );
});
