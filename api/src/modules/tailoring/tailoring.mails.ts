import { mailKind } from "../notifications/index.js";

/** Step 1 of the tailoring ("Kontakta din säljare"): the customer asks, the seller is told (decision 0089). */
export const TAILORING_REQUESTED_MAIL = mailKind<{
  seller: string;
  requester: string;
  number: string;
  message: string | null;
}>(
  "tailoringRequested",
  {
    SV: (f) => ({
      subject: `Trygg: ${f.requester} vill gå igenom avtal ${f.number}`,
      body: `Hej ${f.seller}!\n\n${f.requester} har bett om en genomgång av systemet (steg 1 av 5, "Kontakta din säljare") för avtal ${f.number}.\n${f.message ? `\nMeddelande: ${f.message}\n` : ""}\nBoka ett första möte och registrera genomgången i Trygg.\n`,
    }),
    EN: (f) => ({
      subject: `Trygg: ${f.requester} wants to review agreement ${f.number}`,
      body: `Hello ${f.seller},\n\n${f.requester} has asked for a review of the system (step 1 of 5, "Contact your seller") for agreement ${f.number}.\n${f.message ? `\nMessage: ${f.message}\n` : ""}\nBook a first meeting and record the review in Trygg.\n`,
    }),
  },
  { seller: "Sara Säljare", requester: "Anna Berg", number: "TR-2026-0042", message: null },
);
