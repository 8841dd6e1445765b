package org.calsim.dem.engine;

import org.calsim.api.contact.ComposedContactLaw;
import org.calsim.api.contact.ContactLaw;

/**
 * Moves contact history from one law's layout to another's at a hot swap: each contact's slots are rebuilt from the
 * slots of the old layout that hold the same quantity ({@code carried[s]} = old slot of new slot s, or −1 for a slot
 * that starts from zero). A contact that keeps none of its history is marked not touching, so the new law sees its
 * first step.
 */
final class HistoryMap {
    private HistoryMap() {
    }

    /**
     * @return for each slot of {@code next}, the slot of {@code previous} holding the same quantity, or −1: the slots
     *         of a part both laws share ({@link ComposedContactLaw#historyCarriedFrom}); every slot for another
     *         instance of the same class, none for another class
     */
    static int[] carried(ContactLaw previous, ContactLaw next) {
        if (next instanceof ComposedContactLaw) {
            return ((ComposedContactLaw) next).historyCarriedFrom(previous);
        }
        int[] map = new int[next.historySize()];
        for (int s = 0; s < map.length; s++) {
            map[s] = previous.getClass() == next.getClass() ? s : -1;
        }
        return map;
    }

    /**
     * @param history  old history, {@code oldSlots} per contact
     * @param touching per contact: whether it is in contact (updated: cleared where nothing is carried)
     * @param contacts contacts to move (the first {@code contacts} entries)
     * @param oldSlots slots per contact in the old layout
     * @param carried  per new slot, the old slot or −1
     * @param capacity length of the new array (≥ contacts × carried.length)
     * @return the history in the new layout
     */
    static double[] remap(double[] history, byte[] touching, int contacts, int oldSlots, int[] carried, int capacity) {
        int slots = carried.length;
        double[] next = new double[Math.max(capacity, contacts * slots)];
        boolean any = false;
        for (int s = 0; s < slots; s++) {
            any |= carried[s] >= 0;
        }
        for (int c = 0; c < contacts; c++) {
            if (touching[c] == 0) {
                continue;
            }
            if (!any) {
                touching[c] = 0;
                continue;
            }
            for (int s = 0; s < slots; s++) {
                if (carried[s] >= 0) {
                    next[c * slots + s] = history[c * oldSlots + carried[s]];
                }
            }
        }
        return next;
    }
}
