/**
 * The four icons the tab needs, drawn inline (the Fluent icon package would
 * add weight for four shapes). Decorative: the buttons carry the text.
 */
const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false, fill: 'currentColor' } as const;

export function ChevronIcon({ open }: { open: boolean }) {
  return (
    <svg {...common} style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 0.1s', flexShrink: 0 }}>
      <path d="M5.7 3.3a1 1 0 0 1 1.4 0l4 4a1 1 0 0 1 0 1.4l-4 4a1 1 0 1 1-1.4-1.4L9 8 5.7 4.7a1 1 0 0 1 0-1.4Z" />
    </svg>
  );
}

export function ShareIcon() {
  return (
    <svg {...common}>
      <path d="M11.5 1.5a2.5 2.5 0 1 1-1.8 4.2L6.4 7.5a2.5 2.5 0 0 1 0 1l3.3 1.8a2.5 2.5 0 1 1-.5.9L5.9 9.4a2.5 2.5 0 1 1 0-2.8l3.3-1.8a2.5 2.5 0 0 1 2.3-3.3Zm0 1a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm-7 4a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm7 4a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z" />
    </svg>
  );
}

export function LinkIcon() {
  return (
    <svg {...common}>
      <path d="M6.5 4H5a4 4 0 0 0 0 8h1.5a.5.5 0 0 0 0-1H5a3 3 0 0 1 0-6h1.5a.5.5 0 0 0 0-1Zm3 0a.5.5 0 0 0 0 1H11a3 3 0 0 1 0 6H9.5a.5.5 0 0 0 0 1H11a4 4 0 0 0 0-8H9.5ZM5 7.5a.5.5 0 0 0 0 1h6a.5.5 0 0 0 0-1H5Z" />
    </svg>
  );
}

export function PrintIcon() {
  return (
    <svg {...common}>
      <path d="M4 2.5A1.5 1.5 0 0 1 5.5 1h5A1.5 1.5 0 0 1 12 2.5V4h.5A2.5 2.5 0 0 1 15 6.5v4a1.5 1.5 0 0 1-1.5 1.5H12v1.5a1.5 1.5 0 0 1-1.5 1.5h-5A1.5 1.5 0 0 1 4 13.5V12H2.5A1.5 1.5 0 0 1 1 10.5v-4A2.5 2.5 0 0 1 3.5 4H4V2.5ZM5 4h6V2.5a.5.5 0 0 0-.5-.5h-5a.5.5 0 0 0-.5.5V4Zm0 5.5v4c0 .3.2.5.5.5h5a.5.5 0 0 0 .5-.5v-4a.5.5 0 0 0-.5-.5h-5a.5.5 0 0 0-.5.5Z" />
    </svg>
  );
}
