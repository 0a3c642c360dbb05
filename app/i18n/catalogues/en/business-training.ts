import type { messages as vi } from "../vi/business-training";

export const messages: Record<keyof typeof vi, string> = {
  "businessTraining.form.title": "Name of the training",
  "businessTraining.form.title.hint": "E.g. Learn motorbike repair at our shop",
  "businessTraining.form.description": "What trainees learn, who teaches them",
  "businessTraining.form.section.course": "The trade",
  "businessTraining.form.section.cost": "Allowance and support",
  "businessTraining.form.section.place": "Where (your workplace by default)",
  "businessTraining.form.stipend": "Allowance to trainees (VND a month, empty if none)",
  "businessTraining.form.cost": "Fee (VND, usually empty: free)",
  "businessTraining.form.leadsTo.hint": "Choose one of your open jobs if trainees who finish will be hired for it.",
  "businessTraining.form.leadsTo.noJob": "Not tied to a job",
  "businessTraining.form.leadsTo.none": "You have no open job yet. Post one first to tie the training to a job.",
  "businessTraining.form.draftOnly":
    "Your business is not verified yet, so the training slot will be saved as a draft. You can publish it once the police have verified you.",
  "businessTraining.home.link": "Training at your business",
  "businessTraining.action.publish": "Publish the training slot",
  "trainings.error.ownJob": "Choose only an open job of your own business.",
  "trainings.error.ownJobOne": "Choose one job after the training.",
  "trainings.form.jobFacts": "{organization} · {commune} · wage {wage} · apply by {date}",
};
