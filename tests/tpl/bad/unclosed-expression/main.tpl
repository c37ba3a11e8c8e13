Title: {{ title.en 
