window.YTD.note_tweet.part0 = [
  {
    "noteTweet": {
      "noteTweetId": "1910200000000000999",
      "updatedAt": "2025-04-10T05:00:00.000Z",
      "lifecycle": {
        "value": "1",
        "name": "Active",
        "originalName": "Active",
        "annotations": {}
      },
      "createdAt": "2025-04-10T05:00:00.000Z",
      "core": {
        "urls": [],
        "text": "Catatan dari rapat evaluasi pelayanan publik triwulan pertama: antrean rata-rata turun dari 45 menit menjadi 12 menit setelah sistem online berjalan. Terima kasih untuk seluruh tim loket yang bekerja keras, dan juga warga yang sabar selama masa transisi. Masih ada pekerjaan rumah untuk memperbaiki layanan bagi warga lanjut usia dan penyandang disabilitas, termasuk loket prioritas dan pendampingan pengisian formulir. Semoga triwulan depan lebih baik lagi.",
        "mentions": [],
        "cashtags": [],
        "hashtags": [],
        "styletags": []
      }
    }
  }
]