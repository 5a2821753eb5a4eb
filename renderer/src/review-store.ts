import { create } from 'zustand';
import type { CommandOutput } from '../../shared/commands';
import type { ReviewEntryBody, ReviewItem, ReviewStatus } from '../../shared/domain/review/model';
import { countOf } from '../../shared/plural';
import { errorMessage } from './store-change';
import { api } from './api';

type Verification = CommandOutput<'review.verify'>;
type Listed = CommandOutput<'review.list'>;
type Merge = CommandOutput<'review.merge'>;

interface ReviewState {
  file: string | null;
  verification: Verification | null;
  verifying: boolean;
  /** The auditor's review file, once it has entries. */
  review: Listed | null;
  /** What the last dry run of a package showed, and its path. */
  preview: (Merge & { path: string }) | null;
  items: ReviewItem[];
  message: string | null;
  error: string | null;
  load(file: string, readOnly: boolean): Promise<void>;
  verify(expectHead?: string): Promise<void>;
  addEntry(entry: ReviewEntryBody): Promise<boolean>;
  pack(out: string): Promise<void>;
  previewMerge(path: string): Promise<void>;
  merge(): Promise<void>;
  setStatus(id: string, status: ReviewStatus, note: string): Promise<void>;
}

/** The auditor's review in the app: verify, findings into the review file, packing; merging and status for the assessor. */
export const useReview = create<ReviewState>()((set, get) => {
  const guard = async (work: () => Promise<void>) => {
    set({ error: null, message: null });
    try {
      await work();
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  };
  const file = () => get().file!;

  return {
    file: null,
    verification: null,
    verifying: false,
    review: null,
    preview: null,
    items: [],
    message: null,
    error: null,

    async load(path, readOnly) {
      if (path !== get().file) set({ file: path, verification: null, review: null, preview: null, items: [], message: null, error: null });
      await guard(async () => {
        const { items } = await api.invoke('review.items', { file: path });
        set({ items });
        if (readOnly) {
          // No review file yet is the normal start of a review, not an error.
          const listed = await api.invoke('review.list', { file: path }).catch(() => null);
          set({ review: listed });
        }
      });
    },

    async verify(expectHead) {
      set({ verifying: true });
      await guard(async () => set({ verification: await api.invoke('review.verify', { file: file(), ...(expectHead ? { expectHead } : {}) }) }));
      set({ verifying: false });
    },

    async addEntry(entry) {
      let ok = false;
      await guard(async () => {
        const added = await api.invoke('review.addEntry', { file: file(), entry });
        set({ review: await api.invoke('review.list', { file: file(), review: added.review }), message: `Added #${added.entry.seq} to ${added.review}.` });
        ok = true;
      });
      return ok;
    },

    async pack(out) {
      await guard(async () => {
        const packed = await api.invoke('review.pack', { file: file(), out });
        set({ message: `Wrote ${packed.out}: ${countOf(packed.entries, 'entry', 'entries')}, SHA-256 ${packed.sha256}. Send it to the assessor.` });
      });
    },

    async previewMerge(path) {
      await guard(async () => set({ preview: { ...(await api.invoke('review.merge', { file: file(), package: path, dryRun: true })), path } }));
    },

    async merge() {
      const preview = get().preview;
      if (!preview) return;
      await guard(async () => {
        const merged = await api.invoke('review.merge', { file: file(), package: preview.path });
        const { items } = await api.invoke('review.items', { file: file() });
        set({ preview: null, items, message: merged.merged ? `Merged ${merged.items.map((i) => i.id).join(', ')}; the merge is in the audit log.` : 'Nothing new to merge.' });
      });
    },

    async setStatus(id, status, note) {
      await guard(async () => {
        await api.invoke('review.setStatus', { file: file(), id, status, ...(note.trim() ? { note: note.trim() } : {}) });
        set({ items: (await api.invoke('review.items', { file: file() })).items });
      });
    },
  };
});
